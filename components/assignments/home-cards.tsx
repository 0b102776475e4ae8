import Link from "next/link";
import { getDb } from "@/db/client";
import { buttonClass } from "@/components/ui/button";
import { Card, StatCard } from "@/components/ui/card";
import { countOpenAssignmentsForActor, listAssignmentQueue, listTeacherAssignments } from "@/lib/assignments/queries";
import type { Actor } from "@/lib/auth/actor";

const viewAll = (href: string, label: string) => (
  <Link href={href} className="text-sm text-brand-700 underline">
    {label}
  </Link>
);

/** Open requests: everything not yet completed or cancelled. */
export async function StudentAssignmentsCard({ actor }: { actor: Actor }) {
  const open = await countOpenAssignmentsForActor(getDb(), actor);
  return (
    <Card title="Assignments" actions={viewAll("/student/assignments", "View all")}>
      <dl>
        <StatCard label="Open requests" value={open} testId="count-open-assignments" />
      </dl>
      <Link href="/student/assignments/new" className={buttonClass("primary", "mt-4")}>
        Request new assignment
      </Link>
    </Card>
  );
}

export async function TeacherOffersCard({ actor }: { actor: Actor }) {
  const offers = await listTeacherAssignments(getDb(), actor, { tab: "offers", page: 1 });
  return (
    <Card title="Assignments" actions={viewAll("/teacher/assignments", "View offers")}>
      <dl>
        <StatCard label="Pending offers" value={offers.total} testId="count-pending-offers" />
      </dl>
    </Card>
  );
}

export async function QueueCard({ actor, base }: { actor: Actor; base: "/support" | "/admin" }) {
  const queue = await listAssignmentQueue(getDb(), actor);
  return (
    <Card title="Queue" actions={viewAll(`${base}/queue`, "Open the queue")}>
      <dl>
        <StatCard label="Waiting for a teacher" value={queue.total} testId="count-queue" />
      </dl>
    </Card>
  );
}
