import Form from "next/form";
import { Field, SelectField } from "@/components/ui/field";
import { FilterActions, LabelOptions } from "@/components/ui/filters";
import { roleLabel } from "@/lib/auth/roles";
import type { UserListQuery } from "@/lib/users/schemas";

export const isFiltered = (query: UserListQuery) => Boolean(query.q || query.role || query.status);

/** A GET form, so the URL holds the query and a search can be bookmarked or shared. */
export function UserFilters({ query }: { query: UserListQuery }) {
  return (
    // Keyed on the query so the fields show the current URL after back/forward navigation.
    <Form key={`${query.q ?? ""}|${query.role ?? ""}|${query.status ?? ""}`} action="/admin/users" role="search" aria-label="Filter users" className="mb-4 grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-end">
      <Field label="Search" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} placeholder="Name, email or public ID" />
      <SelectField label="Role" name="role" defaultValue={query.role ?? ""}>
        <LabelOptions labels={roleLabel} />
      </SelectField>
      <SelectField label="Status" name="status" defaultValue={query.status ?? ""}>
        <LabelOptions labels={{ active: "Active", blocked: "Blocked" }} />
      </SelectField>
      {/* The chosen sort survives a new search. */}
      {query.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.sort && query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <FilterActions clearHref="/admin/users" filtered={isFiltered(query)} />
    </Form>
  );
}
