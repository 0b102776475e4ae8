import Form from "next/form";
import { Field, SelectField } from "@/components/ui/field";
import { FilterActions, LabelOptions } from "@/components/ui/filters";
import type { AssignmentListQuery } from "@/lib/assignments/schemas";
import { serviceLabel, statusLabel } from "./labels";
import { listHref } from "./pagination";

/** A GET form, so the URL holds the search and it can be bookmarked or shared. */
export function AssignmentFilters({ path, query }: { path: string; query: AssignmentListQuery }) {
  const filtered = Boolean(query.q || query.status || query.service || query.open);
  return (
    // Keyed on the query so the fields follow the URL after back/forward navigation.
    <Form
      key={`${query.q ?? ""}|${query.status ?? ""}|${query.service ?? ""}|${query.open ?? ""}`}
      action={path}
      role="search"
      aria-label="Filter assignments"
      className="mb-4 grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-end"
    >
      <Field label="Search" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} placeholder="Title, subject or code" />
      <SelectField label="Status" name="status" defaultValue={query.status ?? ""}>
        <LabelOptions labels={statusLabel} />
      </SelectField>
      <SelectField label="Service" name="service" defaultValue={query.service ?? ""}>
        <LabelOptions labels={serviceLabel} />
      </SelectField>
      {/* "Open requests only" (from the dashboard) and the chosen sort survive a new search. */}
      {query.open ? <input type="hidden" name="open" value={query.open} /> : null}
      {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.sort && query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <FilterActions clearHref={listHref(path, { sort: query.sort, dir: query.sort ? query.dir : undefined })} filtered={filtered} />
    </Form>
  );
}
