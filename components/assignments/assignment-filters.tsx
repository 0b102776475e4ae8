import Form from "next/form";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import type { AssignmentListQuery } from "@/lib/assignments/schemas";
import { serviceLabel, statusLabel } from "./labels";

/** A GET form, so the URL holds the search and it can be bookmarked or shared. */
export function AssignmentFilters({ path, query }: { path: string; query: AssignmentListQuery }) {
  const filtered = Boolean(query.q || query.status || query.service);
  return (
    // Keyed on the query so the fields follow the URL after back/forward navigation.
    <Form
      key={`${query.q ?? ""}|${query.status ?? ""}|${query.service ?? ""}`}
      action={path}
      role="search"
      aria-label="Filter assignments"
      className="mb-4 grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto] sm:items-end"
    >
      <Field label="Search" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} placeholder="Title, subject or code" />
      <SelectField label="Status" name="status" defaultValue={query.status ?? ""}>
        <option value="">All</option>
        {Object.entries(statusLabel).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField label="Service" name="service" defaultValue={query.service ?? ""}>
        <option value="">All</option>
        {Object.entries(serviceLabel).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Search
        </button>
        {filtered ? (
          <Link href={path} className={buttonClass("ghost")}>
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
