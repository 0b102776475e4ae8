import { ArrowLeft, ClipboardList } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { roleLabel } from "@/lib/auth/roles";
import type { ThreadView } from "@/lib/messaging/types";
import { kindLabel, threadTitle } from "./labels";

/** Subject, who is in it, and for an assignment thread the way to the assignment. */
export function ThreadHeader({ thread }: { thread: ThreadView }) {
  const others = thread.participants.filter((p) => p.id !== thread.viewer.id && p.active);
  return (
    <header className="flex items-start gap-2 border-b bg-white px-3 py-3 sm:px-5">
      <Link href="/messages" aria-label="Back to messages" className="-ml-1 inline-flex size-9 shrink-0 items-center justify-center rounded-md text-slate-600 outline-none hover:bg-slate-100 hover:text-slate-900 focus-visible:ring-[3px] focus-visible:ring-ring/50">
        <ArrowLeft aria-hidden="true" className="size-5" />
      </Link>
      <div className="min-w-0 flex-1">
        <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
          <h1 className="min-w-0 truncate text-base font-semibold text-slate-900 sm:text-lg" data-testid="thread-subject">
            {threadTitle(thread, others)}
          </h1>
          <Badge tone={thread.kind === "support" ? "green" : thread.kind === "assignment" ? "blue" : "gray"}>{kindLabel[thread.kind]}</Badge>
        </div>
        <p className="mt-0.5 truncate text-sm text-slate-600" title={others.map((p) => `${p.name} (${roleLabel[p.role]})`).join(", ")}>
          {others.length === 0 ? "Only you" : others.map((p) => `${p.name} · ${roleLabel[p.role]}`).join(", ")}
        </p>
      </div>
      {thread.assignment ? (
        <Link
          href={thread.assignment.href}
          className="inline-flex h-9 max-w-[45%] shrink-0 items-center gap-1.5 rounded-md border bg-white px-2.5 text-sm font-medium text-slate-700 shadow-xs outline-none hover:bg-slate-50 focus-visible:ring-[3px] focus-visible:ring-ring/50"
          title={`${thread.assignment.code} · ${thread.assignment.title}`}
        >
          <ClipboardList aria-hidden="true" className="size-4 shrink-0 text-slate-500" />
          <span className="truncate">
            <span className="sr-only">Open assignment </span>
            {thread.assignment.code}
          </span>
        </Link>
      ) : null}
    </header>
  );
}
