"use client";

import { usePathname, useRouter } from "next/navigation";
import { useMemo, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { DataTable, type ColumnDef, type SortingState } from "@/components/ui/data-table";
import { roleLabel } from "@/lib/auth/roles";
import type { UserListItem } from "@/lib/users/queries";
import { userSortColumns, type UserListQuery, type UserSortColumn } from "@/lib/users/schemas";
import { formatDateTime, formatDateTimeLong } from "@/lib/time/format";
import { UserRowActions } from "./user-row-actions";
import { usersHref } from "./users-href";

type Props = { items: UserListItem[]; query: UserListQuery; actorId: string; timeZone: string; empty: ReactNode };

function LastSignIn({ at, timeZone }: { at: Date | null; timeZone: string }) {
  // slate-600: "Never" is information, and must read at 4.5:1 like the rest.
  if (!at) return <span className="text-slate-600">Never</span>;
  return (
    <time dateTime={at.toISOString()} title={formatDateTimeLong(at, timeZone)}>
      {formatDateTime(at, timeZone)}
    </time>
  );
}

function StatusBadge({ status }: { status: UserListItem["status"] }) {
  return <Badge tone={status === "active" ? "green" : "red"}>{status === "active" ? "Active" : "Blocked"}</Badge>;
}

function userColumns(actorId: string, timeZone: string): ColumnDef<UserListItem>[] {
  return [
    {
      id: "name",
      accessorKey: "fullName",
      header: "Name",
      cell: ({ row }) => (
        <span className="font-medium text-slate-900">
          {row.original.fullName}
          {row.original.id === actorId ? <Badge tone="blue" className="ml-2">You</Badge> : null}
        </span>
      ),
    },
    { id: "publicId", accessorKey: "publicId", header: "Public ID", cell: ({ getValue }) => <span className="font-mono text-xs whitespace-nowrap">{getValue<string>()}</span> },
    {
      id: "email",
      accessorKey: "email",
      header: "Email",
      // Whole addresses, cut with an ellipsis when long; the full one is in the tooltip.
      cell: ({ getValue }) => (
        <span className="block max-w-[16rem] truncate" title={getValue<string>()}>
          {getValue<string>()}
        </span>
      ),
    },
    { id: "role", accessorKey: "role", header: "Role", cell: ({ row }) => roleLabel[row.original.role] },
    { id: "status", accessorKey: "status", header: "Status", cell: ({ row }) => <StatusBadge status={row.original.status} /> },
    { id: "lastSignIn", accessorKey: "lastSignInAt", header: "Last sign-in", sortDescFirst: true, cell: ({ row }) => <LastSignIn at={row.original.lastSignInAt} timeZone={timeZone} /> },
    { id: "actions", header: "Actions", enableSorting: false, cell: ({ row }) => <UserRowActions userId={row.original.id} name={row.original.fullName} email={row.original.email} blocked={row.original.status === "blocked"} isSelf={row.original.id === actorId} /> },
  ];
}

const isSortColumn = (id: string): id is UserSortColumn => (userSortColumns as readonly string[]).includes(id);

/**
 * The users of one page, sorted on the server: a header click changes the URL's sort and goes
 * back to the first page. Under the sm breakpoint each user is a card with its actions.
 */
export function UsersTable({ items, query, actorId, timeZone, empty }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const sorting: SortingState = query.sort ? [{ id: query.sort, desc: query.dir === "desc" }] : [];
  const sortBy = (next: SortingState) => {
    const [first] = next;
    const sort = first && isSortColumn(first.id) ? first.id : undefined;
    router.push(usersHref(pathname, { ...query, sort, dir: sort ? (first?.desc ? "desc" : "asc") : undefined, page: 1 }));
  };
  // Stable: a cell renderer with a new identity would remount its row's actions on every refresh,
  // closing an open dialog and losing the temporary password just shown.
  const columns = useMemo(() => userColumns(actorId, timeZone), [actorId, timeZone]);

  return (
    <DataTable
      columns={columns}
      data={items}
      caption="Users"
      getRowId={(user) => user.id}
      rowTestId="user-row"
      rowData={(user) => ({ "data-email": user.email })}
      sorting={sorting}
      onSortingChange={sortBy}
      empty={empty}
      renderCard={(user) => (
        <div className="grid min-w-0 gap-2 text-sm">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="font-medium text-slate-900">
              {user.fullName}
              {user.id === actorId ? <Badge tone="blue" className="ml-2">You</Badge> : null}
            </p>
            <StatusBadge status={user.status} />
          </div>
          {/* On a line of its own, so a long address wraps only where it must. */}
          <p className="text-slate-700 [overflow-wrap:anywhere]">{user.email}</p>
          <p className="text-slate-600">
            <span className="font-mono text-xs">{user.publicId}</span> · {roleLabel[user.role]}
          </p>
          <p className="text-slate-600">
            Last sign-in: <LastSignIn at={user.lastSignInAt} timeZone={timeZone} />
          </p>
          <div className="pt-1">
            <UserRowActions userId={user.id} name={user.fullName} email={user.email} blocked={user.status === "blocked"} isSelf={user.id === actorId} />
          </div>
        </div>
      )}
    />
  );
}
