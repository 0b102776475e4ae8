import Form from "next/form";
import { listHref } from "@/components/assignments/pagination";
import { Field, SelectField } from "@/components/ui/field";
import { FilterActions, LabelOptions } from "@/components/ui/filters";
import type { InvoiceListQuery } from "@/lib/invoices/schemas";
import { statusLabel } from "./labels";

/** A GET form, so the URL holds the search and it can be bookmarked or shared. */
export function InvoiceFilters({ path, query, student }: { path: string; query: InvoiceListQuery; student: string }) {
  const filtered = Boolean(query.status || student || query.studentId || query.from || query.to || query.overdue);
  return (
    <Form
      key={`${query.status ?? ""}|${student}|${query.from ?? ""}|${query.to ?? ""}|${query.overdue}`}
      action={path}
      role="search"
      aria-label="Filter invoices"
      className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.5fr)_minmax(0,1fr)_minmax(0,1fr)_auto] lg:items-end"
    >
      <SelectField label="Status" name="status" defaultValue={query.status ?? ""}>
        <LabelOptions labels={statusLabel} />
      </SelectField>
      <Field label="Student" name="student" type="search" defaultValue={student} maxLength={100} placeholder="Name, email or ID" />
      <Field label="From" name="from" type="date" defaultValue={query.from ?? ""} />
      <Field label="To" name="to" type="date" defaultValue={query.to ?? ""} />
      {/* The chosen sort survives a new search. */}
      {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.sort && query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <FilterActions clearHref={listHref(path, { sort: query.sort, dir: query.sort ? query.dir : undefined })} filtered={filtered} />
      <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-2 lg:col-span-5">
        <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue} className="h-4 w-4" />
        Only overdue
      </label>
    </Form>
  );
}
