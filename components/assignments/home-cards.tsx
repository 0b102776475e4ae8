import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, StatCard } from "@/components/ui/card";
import { statusLabel, statusTone } from "./labels";
import type { AssignmentStatus } from "@/lib/assignments/types";

type TaskCardProps = {
  title: string;
  /** How many rows there are; none shows `empty`. */
  count: number;
  /** The number beside the title (what waits for the viewer); null hides it. */
  badge?: number | null;
  actions?: ReactNode;
  empty: ReactNode;
  testId: string;
  children: ReactNode;
};

/** A to-do card of a home page: a count beside the title, rows, or what happens next when empty. */
export function TaskCard({ title, count, badge = count, actions, empty, testId, children }: TaskCardProps) {
  return (
    <section aria-labelledby={`${testId}-title`} data-testid={testId} className="rounded-xl border bg-card p-4 text-card-foreground shadow-xs sm:p-6">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${testId}-title`} className="flex items-center gap-2 text-base font-semibold text-foreground">
          {title}
          {badge === null ? null : (
            <Badge tone={badge > 0 ? "amber" : "gray"} data-testid={`${testId}-count`}>
              {badge}
            </Badge>
          )}
        </h2>
        {actions}
      </div>
      {count === 0 ? <p className="text-sm text-muted-foreground">{empty}</p> : <ul className="divide-y divide-slate-100">{children}</ul>}
    </section>
  );
}

/** One row of a to-do card: what it is (a link), a line of detail, and its action on the right. */
export function TaskRow({ href, title, code, detail, status, action }: { href: string; title: string; code: string; detail?: ReactNode; status?: AssignmentStatus; action?: ReactNode }) {
  return (
    <li className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
      <div className="min-w-0">
        <Link href={href} className="font-medium break-words text-brand-700 underline-offset-2 hover:underline">
          {title}
        </Link>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
          <span className="font-mono text-xs">{code}</span>
          {status ? <Badge tone={statusTone[status]}>{statusLabel[status]}</Badge> : null}
          {detail}
        </p>
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </li>
  );
}

export const viewAll = (href: string, label: string) => (
  <Link href={href} className="text-sm text-brand-700 underline">
    {label}
  </Link>
);

/** Staff homes: how many requests wait for a teacher. */
export function QueueCard({ waiting, base }: { waiting: number; base: "/support" | "/admin" }) {
  return (
    <Card title="Queue" actions={viewAll(`${base}/queue`, "Open the queue")}>
      <dl>
        <StatCard label="Waiting for a teacher" value={waiting} testId="count-queue" />
      </dl>
    </Card>
  );
}
