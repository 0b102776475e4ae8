import Form from "next/form";
import { Field, SelectField } from "@/components/ui/field";
import { FilterActions } from "@/components/ui/filters";
import { auditFilterParams, isAuditFiltered, type AuditLogQuery } from "@/lib/audit/schemas";
import { targetTypeLabel } from "@/lib/audit/targets";
import { listHref } from "@/components/assignments/pagination";
import { buttonClass } from "@/components/ui/button";

type Props = { query: AuditLogQuery; options: { actions: string[]; targetTypes: string[] }; timeZone: string };

/** The values the log holds, plus the URL's own (so a bookmarked filter still shows as chosen). */
function withCurrent(values: string[], current: string | undefined): string[] {
  return current && !values.includes(current) ? [current, ...values] : values;
}

/** The export of exactly what the filters show, every page of it. */
export const auditExportHref = (query: AuditLogQuery) => listHref("/api/admin/audit/export", auditFilterParams(query));

/** A GET form, so the URL holds the filters and a search can be bookmarked, shared or exported. */
export function AuditFilters({ query, options, timeZone }: Props) {
  const key = Object.values(auditFilterParams(query)).join("|");
  return (
    <Form key={key} action="/admin/audit" role="search" aria-label="Filter the audit log" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-3 lg:items-end">
      <Field label="Actor" name="actor" type="search" defaultValue={query.actor ?? ""} maxLength={100} placeholder="Name, email or public ID" />
      <SelectField label="Action" name="action" defaultValue={query.action ?? ""}>
        <option value="">All</option>
        {withCurrent(options.actions, query.action).map((action) => (
          <option key={action} value={action}>
            {action}
          </option>
        ))}
      </SelectField>
      <SelectField label="Target type" name="targetType" defaultValue={query.targetType ?? ""}>
        <option value="">All</option>
        {withCurrent(options.targetTypes, query.targetType).map((type) => (
          <option key={type} value={type}>
            {targetTypeLabel[type] ?? type}
          </option>
        ))}
      </SelectField>
      <Field label="Target" name="target" type="search" defaultValue={query.target ?? ""} maxLength={100} placeholder="ASG-…, INV-…, STU-… or an ID" />
      <Field label="From" name="from" type="date" defaultValue={query.from ?? ""} hint={`Days in your time zone (${timeZone})`} />
      <Field label="To" name="to" type="date" defaultValue={query.to ?? ""} />
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-3">
        <FilterActions clearHref="/admin/audit" filtered={isAuditFiltered(query)} />
        {/* A plain link, never prefetched: the export is a download, and is itself audited. */}
        <a href={auditExportHref(query)} download className={buttonClass("outline")} data-testid="audit-export">
          Export CSV
        </a>
      </div>
    </Form>
  );
}
