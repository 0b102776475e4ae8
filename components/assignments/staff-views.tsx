import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { ScheduleMeetingLink } from "@/components/meetings/schedule-meeting-link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import type { StaffAssignmentList as ListData, StaffAssignmentPage, StaffQueue as QueueData } from "@/lib/assignments/staff-assignment-page";
import { AssignmentDetailView } from "./assignment-detail-view";
import { AssignmentFilters } from "./assignment-filters";
import { ListTotal } from "./assignment-list";
import { listHref, Pagination } from "./pagination";
import { StaffAssignmentTable } from "./staff-assignment-table";
import { staffListHref } from "./staff-list-href";
import { StaffPanel, type StaffActions } from "./staff-panel";

// CS reps and admins share these views; each area's thin pages load the data and pass their base path and actions.
type Base = "/support" | "/admin";

export function StaffAssignmentList({ base, data }: { base: Base; data: ListData }) {
  const { query, list, timeZone } = data;
  const path = `${base}/assignments`;
  const filtered = Boolean(query.q || query.status || query.service);
  const empty = filtered ? (
    <EmptyState title={query.q ? `No assignments match “${query.q}”` : "No assignments match these filters"}>
      <p>Search by title, subject or code (ASG-000042), or clear the filters.</p>
      <Link href={staffListHref(path, { sort: query.sort, dir: query.dir })} className={buttonClass("outline", "mt-3")}>
        Clear filters
      </Link>
    </EmptyState>
  ) : (
    <EmptyState title="No assignments yet">Requests appear here as soon as students send them.</EmptyState>
  );
  return (
    <>
      <PageHeader title="Assignments" description="Every assignment on the platform, newest first unless you sort by a column." />
      <Card>
        <AssignmentFilters path={path} query={query} />
        <ListTotal total={list.total} capped={list.totalIsCapped} />
        <StaffAssignmentTable rows={list.items} basePath={path} timeZone={timeZone} caption="Assignments" empty={empty} query={query} />
        {list.items.length > 0 ? <Pagination page={list.page} pageCount={list.pageCount} href={(page) => staffListHref(path, { ...query, page })} /> : null}
      </Card>
    </>
  );
}

export function StaffQueue({ base, data }: { base: Base; data: QueueData }) {
  const { queue, query, timeZone } = data;
  const olderThan = query.olderThan;
  return (
    <>
      <PageHeader
        title="Queue"
        description={olderThan ? "Requests waiting for a teacher for more than 24 hours, oldest first." : "Requests waiting for a teacher, oldest first."}
        actions={olderThan ? <Link href={`${base}/queue`} className="text-sm text-brand-700 underline" data-testid="queue-show-all">Show the whole queue</Link> : null}
      />
      <Card>
        <ListTotal total={queue.total} noun="request" />
        <StaffAssignmentTable
          rows={queue.items}
          basePath={`${base}/assignments`}
          timeZone={timeZone}
          queue
          caption="Queue"
          empty={olderThan ? <EmptyState title="No request has waited 24 hours">Every request older than a day has a teacher.</EmptyState> : <EmptyState title="The queue is empty">Every request has a teacher.</EmptyState>}
        />
        {queue.items.length > 0 ? <Pagination page={queue.page} pageCount={queue.pageCount} href={(p) => listHref(`${base}/queue`, { olderThan, page: p })} /> : null}
      </Card>
    </>
  );
}

export function StaffAssignmentDetail({ base, data, actions }: { base: Base; data: StaffAssignmentPage; actions: StaffActions }) {
  const { detail, teachers, invoices, timeZone } = data;
  const queued = detail.assignment.status === "submitted";
  return (
    <AssignmentDetailView
      detail={detail}
      timeZone={timeZone}
      backHref={queued ? `${base}/queue` : `${base}/assignments`}
      actions={<StaffPanel base={base} detail={detail} actions={actions} teachers={teachers} invoices={invoices} timeZone={timeZone} />}
      meetingLink={<ScheduleMeetingLink assignmentId={detail.assignment.id} inviteeId={detail.assignment.studentId} />}
    />
  );
}
