import Form from "next/form";
import Link from "next/link";
import { Field, SelectField } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button";
import { roleLabel, type Role } from "@/lib/auth/roles";
import type { UserListQuery } from "@/lib/users/schemas";

const roleOptions = Object.entries(roleLabel) as [Role, string][];

/** A GET form, so the URL holds the query and a search can be bookmarked or shared. */
export function UserFilters({ query }: { query: UserListQuery }) {
  const filtered = Boolean(query.q || query.role || query.status);
  return (
    // Keyed on the query so the fields show the current URL after back/forward navigation.
    <Form key={`${query.q ?? ""}|${query.role ?? ""}|${query.status ?? ""}`} action="/admin/users" role="search" aria-label="Filter users" className="mb-4 grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-end">
      <Field label="Search" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} placeholder="Name, email or public ID" />
      <SelectField label="Role" name="role" defaultValue={query.role ?? ""}>
        <option value="">All</option>
        {roleOptions.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField label="Status" name="status" defaultValue={query.status ?? ""}>
        <option value="">All</option>
        <option value="active">Active</option>
        <option value="blocked">Blocked</option>
      </SelectField>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Search
        </button>
        {filtered ? (
          <Link href="/admin/users" className={buttonClass("ghost")}>
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
