import { Search } from "lucide-react";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { QueueView } from "@/lib/visitor-chat/staff-schemas";

export const viewLabels: Record<QueueView, string> = { live: "Live", offline: "Offline leads", closed: "Closed" };

/** "/support/visitors?view=offline&q=maya", leaving out the defaults. */
export function queueHref(basePath: string, view: QueueView, q: string, cursor?: string | null): string {
  const params = new URLSearchParams();
  if (view !== "live") params.set("view", view);
  if (q) params.set("q", q);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `${basePath}?${query}` : basePath;
}

/** The tabs and the search, both in the URL (a plain GET form, so it works before scripts load). */
export function QueueToolbar({ basePath, view, q }: { basePath: string; view: QueueView; q: string }) {
  return (
    <div className="mb-4 flex flex-col gap-3 md:flex-row md:items-center md:justify-between">
      <nav aria-label="Visitor lists" className="-mx-1 overflow-x-auto px-1">
        <div className="inline-flex items-center gap-1 rounded-lg bg-muted p-[3px]">
          {(Object.keys(viewLabels) as QueueView[]).map((value) => (
            <Link
              key={value}
              href={queueHref(basePath, value, q)}
              aria-current={value === view ? "page" : undefined}
              data-testid={`visitor-tab-${value}`}
              className={cn(
                "inline-flex h-8 items-center rounded-md px-3 text-sm font-medium whitespace-nowrap outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
                value === view ? "bg-background text-foreground shadow-sm" : "text-slate-700 hover:text-foreground",
              )}
            >
              {viewLabels[value]}
            </Link>
          ))}
        </div>
      </nav>
      <form action={basePath} role="search" className="relative md:w-72">
        {view !== "live" ? <input type="hidden" name="view" value={view} /> : null}
        <label htmlFor="visitor-search" className="sr-only">
          Search visitors
        </label>
        <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
        <input
          id="visitor-search"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Search by name or email"
          maxLength={200}
          className="h-10 w-full rounded-md border border-input bg-background pr-3 pl-9 text-base shadow-xs outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 md:text-sm"
        />
      </form>
    </div>
  );
}
