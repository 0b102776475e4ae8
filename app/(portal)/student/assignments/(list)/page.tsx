import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { getDb } from "@/db/client";
import { AssignmentFilters } from "@/components/assignments/assignment-filters";
import { AssignmentList, ListTotal } from "@/components/assignments/assignment-list";
import { firstValues, listHref, Pagination } from "@/components/assignments/pagination";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { listAssignmentsForActor } from "@/lib/assignments/queries";
import { assignmentListQuerySchema } from "@/lib/assignments/schemas";
import { requireRole } from "@/lib/auth/session";
import { getOwnProfile } from "@/lib/profiles/queries";

export const metadata: Metadata = { title: "Assignments" };

const PATH = "/student/assignments";

export default async function StudentAssignmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole("student");
  const query = assignmentListQuerySchema.parse(firstValues(await searchParams));
  const db = getDb();
  const [list, own] = await Promise.all([listAssignmentsForActor(db, actor, query), getOwnProfile(db, actor)]);
  const filtered = Boolean(query.q || query.status || query.service || query.open);
  const rows = list.items.map((item) => ({ ...item, meta: item.primaryTeacherName ? `Teacher: ${item.primaryTeacherName}` : null }));
  return (
    <>
      <PageHeader
        title="Assignments"
        description={query.open ? "Your open requests (not completed or cancelled), newest first." : "Your requests, newest first."}
        actions={
          <Link href={`${PATH}/new`} className={buttonClass("default")}>
            <Plus aria-hidden="true" />
            Request help
          </Link>
        }
      />
      <Card>
        <AssignmentFilters path={PATH} query={query} />
        <ListTotal total={list.total} />
        {rows.length > 0 ? (
          <AssignmentList rows={rows} basePath={PATH} timeZone={own.profile.timeZone} label="Your assignments" />
        ) : filtered ? (
          <EmptyState title="No assignments match">Try another search or clear the filters.</EmptyState>
        ) : (
          <EmptyState title="No assignments yet">Request help: describe what you need and attach your brief. A CS rep matches a teacher to it and you are notified at each step.</EmptyState>
        )}
        <Pagination page={list.page} pageCount={list.pageCount} href={(page) => listHref(PATH, { q: query.q, status: query.status, service: query.service, open: query.open, page })} />
      </Card>
    </>
  );
}
