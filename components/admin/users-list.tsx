import Link from "next/link";
import { Pagination } from "@/components/assignments/pagination";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import type { UserList } from "@/lib/users/queries";
import type { UserListQuery } from "@/lib/users/schemas";
import { isFiltered } from "./user-filters";
import { usersHref } from "./users-href";
import { UsersTable } from "./users-table";

type Props = { list: UserList; query: UserListQuery; actorId: string; timeZone: string };

/** The count, the table (cards on phones) and the pager; with no results, an empty state instead of either. */
export function UsersList({ list, query, actorId, timeZone }: Props) {
  const { items, total, totalIsCapped, page, pageCount } = list;
  const search = query.q ? ` “${query.q}”` : " these filters";
  const empty = isFiltered(query) ? (
    <EmptyState title={`No users match${search}`}>
      <p>Check the spelling, or search by email or public ID.</p>
      <Link href="/admin/users" className={buttonClass("outline", "mt-3")}>
        Clear filters
      </Link>
    </EmptyState>
  ) : (
    <EmptyState title="No users yet">Create a staff account to get started.</EmptyState>
  );
  return (
    <div>
      <p role="status" aria-live="polite" className="mb-2 text-sm text-slate-600" data-testid="user-total">
        {totalIsCapped ? `More than ${total.toLocaleString("en")} users; narrow the search to see the rest` : total === 1 ? "1 user" : `${total.toLocaleString("en")} users`}
      </p>
      <UsersTable items={items} query={query} actorId={actorId} timeZone={timeZone} empty={empty} />
      {items.length > 0 ? <Pagination page={page} pageCount={pageCount} href={(n) => usersHref("/admin/users", { ...query, page: n })} /> : null}
    </div>
  );
}
