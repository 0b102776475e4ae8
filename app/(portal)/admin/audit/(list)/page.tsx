import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { firstValues, listHref } from "@/components/assignments/pagination";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { auditFilterOptions, listAuditLog } from "@/lib/audit/queries";
import { auditFilterParams, auditLogQuerySchema, isAuditFiltered } from "@/lib/audit/schemas";
import { requireRole } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: Props) {
  const actor = await requireRole("admin");
  const query = auditLogQuerySchema.parse(firstValues(await searchParams));
  const db = getDb();
  const [page, options] = await Promise.all([listAuditLog(db, actor, query), auditFilterOptions(db, actor)]);
  const filters = auditFilterParams(query);
  const empty = isAuditFiltered(query) ? (
    <EmptyState title="No audit entries match these filters">
      <p>Widen the dates, or search the actor by email or public ID.</p>
      <Link href="/admin/audit" className={buttonClass("outline", "mt-3")}>
        Clear filters
      </Link>
    </EmptyState>
  ) : (
    <EmptyState title="Nothing has been audited yet" />
  );
  return (
    <>
      <PageHeader title="Audit log" description={`Every audited change, newest first. Times in ${page.timeZone}.`} />
      <Card>
        <AuditFilters query={query} options={options} timeZone={page.timeZone} />
        <AuditTable rows={page.rows} empty={empty} />
        {query.cursor || page.nextCursor ? (
          <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm">
            {query.cursor ? (
              <Link href={listHref("/admin/audit", filters)} className={buttonClass("secondary")}>
                Newest entries
              </Link>
            ) : (
              <span />
            )}
            {page.nextCursor ? (
              <Link href={listHref("/admin/audit", { ...filters, cursor: page.nextCursor })} className={buttonClass("secondary")} rel="next" data-testid="audit-older">
                Older entries
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </>
  );
}
