import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { AssignmentList, ListTotal } from "@/components/assignments/assignment-list";
import { firstValues, listHref, Pagination } from "@/components/assignments/pagination";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { listTeacherAssignments } from "@/lib/assignments/queries";
import { teacherListQuerySchema, type TeacherFilter, type TeacherListQuery } from "@/lib/assignments/schemas";
import { requireRole } from "@/lib/auth/session";
import { getOwnProfile } from "@/lib/profiles/queries";

export const metadata: Metadata = { title: "Assignments" };

const PATH = "/teacher/assignments";
const tabs: { tab: TeacherListQuery["tab"]; label: string; empty: string; next: string }[] = [
  { tab: "offers", label: "Offers", empty: "No offers waiting for your answer.", next: "When a CS rep offers you an assignment, it appears here and you are notified." },
  { tab: "active", label: "Active", empty: "Nothing in progress.", next: "Accept an offer and the work shows here, soonest due first." },
  { tab: "delivered", label: "Delivered", empty: "Nothing waiting for the student's review.", next: "After you deliver, the student accepts it or asks for a revision." },
  { tab: "completed", label: "Completed", empty: "No completed assignments yet.", next: "An assignment is completed when the student accepts your delivery." },
];

const filterText: Record<TeacherFilter, { label: string; empty: string }> = {
  "due-48h": { label: "due within 48 hours or overdue", empty: "Nothing due within 48 hours." },
  revision: { label: "revisions the student asked for", empty: "No revisions asked for." },
};

export default async function TeacherAssignmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("teacher");
  const query = teacherListQuerySchema.parse(firstValues(await searchParams));
  const db = getDb();
  const [list, own] = await Promise.all([listTeacherAssignments(db, actor, query), getOwnProfile(db, actor)]);
  const current = tabs.find((t) => t.tab === query.tab) ?? tabs[0]!;
  const filter = query.tab === "active" ? query.filter : undefined;
  const narrowed = filter ? filterText[filter] : null;
  const rows = list.items.map((item) => ({
    ...item,
    meta: item.myRole === "primary" ? "You: primary teacher" : "You: helper",
    extra: item.myOfferStatus === "pending" ? <Badge tone="amber">Offer</Badge> : null,
  }));
  const tabClass = (active: boolean) => cn("whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium", active ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100");
  return (
    <>
      <PageHeader title="Assignments" description="Offers to answer and the work you are on." />
      <nav aria-label="Assignment tabs" className="mb-4 flex gap-1 overflow-x-auto">
        {tabs.map(({ tab, label }) => (
          <Link key={tab} href={listHref(PATH, { tab: tab === "offers" ? undefined : tab })} className={tabClass(tab === query.tab)} aria-current={tab === query.tab ? "page" : undefined}>
            {label}
          </Link>
        ))}
      </nav>
      <Card>
        {narrowed ? (
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700" data-testid="teacher-list-filter">
            <span>Showing: {narrowed.label}</span>
            <Link href={listHref(PATH, { tab: "active" })} className="text-brand-700 underline">
              Show all active work
            </Link>
          </p>
        ) : null}
        <ListTotal total={list.total} />
        {rows.length === 0 ? (
          <EmptyState title={narrowed ? narrowed.empty : current.empty}>{current.next}</EmptyState>
        ) : (
          <AssignmentList rows={rows} basePath={PATH} timeZone={own.profile.timeZone} label={narrowed ? `${current.label}: ${narrowed.label}` : current.label} />
        )}
        <Pagination page={list.page} pageCount={list.pageCount} href={(page) => listHref(PATH, { tab: query.tab, filter, page })} />
      </Card>
    </>
  );
}
