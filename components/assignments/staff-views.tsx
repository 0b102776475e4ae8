import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { listAssignmentQueue, listAssignmentsForActor, listTeacherPicker } from "@/lib/assignments/queries";
import { assignmentListQuerySchema } from "@/lib/assignments/schemas";
import type { Actor } from "@/lib/auth/actor";
import { getOwnProfile } from "@/lib/profiles/queries";
import { AssignmentDetailView } from "./assignment-detail-view";
import { AssignmentFilters } from "./assignment-filters";
import { AssignmentList, ListTotal } from "./assignment-list";
import { loadAssignmentDetail } from "./load-detail";
import { firstValues, listHref, Pagination } from "./pagination";
import { CreateInvoiceLink } from "@/components/invoices/create-invoice-link";
import { StaffPanel, type StaffActions } from "./staff-panel";

// CS reps and admins share these views; each area's thin pages pass their base path and actions.
type SearchParams = Record<string, string | string[] | undefined>;
type Area = { actor: Actor; base: "/support" | "/admin" };

export async function StaffAssignmentList({ actor, base, searchParams }: Area & { searchParams: SearchParams }) {
  const query = assignmentListQuerySchema.parse(firstValues(searchParams));
  const db = getDb();
  const [list, own] = await Promise.all([listAssignmentsForActor(db, actor, query), getOwnProfile(db, actor)]);
  const path = `${base}/assignments`;
  const rows = list.items.map((item) => ({ ...item, meta: [item.studentName && `Student: ${item.studentName}`, item.primaryTeacherName && `Teacher: ${item.primaryTeacherName}`].filter(Boolean).join(" · ") }));
  return (
    <>
      <PageHeader title="Assignments" description="Every assignment on the platform, newest first." />
      <Card>
        <AssignmentFilters path={path} query={query} />
        <ListTotal total={list.total} />
        {rows.length === 0 ? <EmptyState title="No assignments match">Try another search or clear the filters.</EmptyState> : <AssignmentList rows={rows} basePath={path} timeZone={own.profile.timeZone} label="Assignments" />}
        <Pagination page={list.page} pageCount={list.pageCount} href={(page) => listHref(path, { q: query.q, status: query.status, service: query.service, page })} />
      </Card>
    </>
  );
}

export async function StaffQueue({ actor, base, searchParams }: Area & { searchParams: SearchParams }) {
  const page = Math.min(400, Math.max(1, Number.parseInt(firstValues(searchParams).page ?? "1", 10) || 1));
  const db = getDb();
  const [queue, own] = await Promise.all([listAssignmentQueue(db, actor, page), getOwnProfile(db, actor)]);
  const rows = queue.items.map((item) => ({
    ...item,
    meta: [`Student: ${item.studentName}`, item.declines > 0 ? `declined ${item.declines === 1 ? "once" : `${item.declines} times`}` : null].filter(Boolean).join(" · "),
    extra: item.overdue ? <Badge tone="red">Overdue</Badge> : item.dueSoon ? <Badge tone="amber">Due soon</Badge> : null,
  }));
  return (
    <>
      <PageHeader title="Queue" description="Requests waiting for a teacher, oldest first." />
      <Card>
        <ListTotal total={queue.total} noun="request" />
        {rows.length === 0 ? <EmptyState title="The queue is empty">Every request has a teacher.</EmptyState> : <AssignmentList rows={rows} basePath={`${base}/assignments`} timeZone={own.profile.timeZone} label="Queue" />}
        <Pagination page={queue.page} pageCount={queue.pageCount} href={(p) => listHref(`${base}/queue`, { page: p })} />
      </Card>
    </>
  );
}

export async function StaffAssignmentDetail({ actor, base, assignmentId, actions }: Area & { assignmentId: string; actions: StaffActions }) {
  const { detail, timeZone } = await loadAssignmentDetail(actor, assignmentId);
  const teachers = detail.actions.includes("assign_teachers") ? await listTeacherPicker(getDb(), actor) : [];
  const queued = detail.assignment.status === "submitted";
  return (
    <AssignmentDetailView
      detail={detail}
      timeZone={timeZone}
      backHref={queued ? `${base}/queue` : `${base}/assignments`}
      actions={
        <>
          {detail.assignment.status !== "cancelled" ? (
            <div className="flex justify-end">
              <CreateInvoiceLink assignmentId={detail.assignment.id} base={base} />
            </div>
          ) : null}
          <StaffPanel detail={detail} actions={actions} teachers={teachers} timeZone={timeZone} />
        </>
      }
    />
  );
}
