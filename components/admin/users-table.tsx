import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { roleLabel } from "@/lib/auth/roles";
import type { listUsers } from "@/lib/users/queries";
import type { UserListQuery } from "@/lib/users/schemas";
import { UserRowActions } from "./user-row-actions";

type Props = {
  list: Awaited<ReturnType<typeof listUsers>>;
  query: UserListQuery;
  actorId: string;
  timeZone: string;
};

function pageHref(query: UserListQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.role) params.set("role", query.role);
  if (query.status) params.set("status", query.status);
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `/admin/users?${text}` : "/admin/users";
}

function DateCell({ value, timeZone }: { value: Date | null; timeZone: string }) {
  if (!value) return <span className="text-slate-400">Never</span>;
  const text = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone }).format(value);
  const full = new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone }).format(value);
  return (
    <time dateTime={value.toISOString()} title={full}>
      {text}
    </time>
  );
}

export function UsersTable({ list, query, actorId, timeZone }: Props) {
  const { items, total, totalIsCapped, page, pageCount } = list;
  const head = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500";
  const cell = "px-3 py-3 align-top";
  return (
    <div>
      <p role="status" aria-live="polite" className="mb-2 text-sm text-slate-600" data-testid="user-total">
        {totalIsCapped ? `More than ${total.toLocaleString("en")} users; narrow the search to see the rest` : total === 1 ? "1 user" : `${total.toLocaleString("en")} users`}
      </p>
      {items.length === 0 ? (
        <EmptyState title="No users match">Try another search or clear the filters.</EmptyState>
      ) : (
        // On phones the table scrolls sideways inside this region instead of squeezing the columns.
        <div className="-mx-4 overflow-x-auto sm:mx-0" role="region" aria-label="Users" tabIndex={0}>
          <table className="min-w-[56rem] w-full divide-y divide-slate-200 text-sm">
            <thead>
              <tr>
                <th scope="col" className={head}>Name</th>
                <th scope="col" className={head}>Public ID</th>
                <th scope="col" className={head}>Email</th>
                <th scope="col" className={head}>Role</th>
                <th scope="col" className={head}>Status</th>
                <th scope="col" className={head}>Created</th>
                <th scope="col" className={head}>Last sign-in</th>
                <th scope="col" className={head}>Actions</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((user) => (
                <tr key={user.id} data-testid="user-row" data-email={user.email}>
                  <th scope="row" className={`${cell} text-left font-medium text-slate-900`}>
                    {user.fullName}
                    {user.id === actorId ? <span className="ml-2"><Badge tone="blue">You</Badge></span> : null}
                  </th>
                  <td className={`${cell} whitespace-nowrap font-mono text-xs`}>{user.publicId}</td>
                  <td className={`${cell} break-all`}>{user.email}</td>
                  <td className={cell}>{roleLabel[user.role]}</td>
                  <td className={cell}>
                    <Badge tone={user.status === "active" ? "green" : "red"}>{user.status === "active" ? "Active" : "Blocked"}</Badge>
                  </td>
                  <td className={cell}><DateCell value={user.createdAt} timeZone={timeZone} /></td>
                  <td className={cell}><DateCell value={user.lastSignInAt} timeZone={timeZone} /></td>
                  <td className={cell}>
                    <UserRowActions userId={user.id} name={user.fullName} email={user.email} blocked={user.status === "blocked"} isSelf={user.id === actorId} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Pagination" className="mt-4 flex flex-wrap items-center justify-between gap-2 text-sm">
        {page > 1 ? (
          <Link href={pageHref(query, Math.min(page - 1, pageCount))} className={buttonClass("secondary")} rel="prev">
            Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={buttonClass("secondary", "pointer-events-none opacity-50")}>Previous</span>
        )}
        <span className="text-slate-600">
          Page {page} of {pageCount}
        </span>
        {page < pageCount ? (
          <Link href={pageHref(query, page + 1)} className={buttonClass("secondary")} rel="next">
            Next
          </Link>
        ) : (
          <span aria-disabled="true" className={buttonClass("secondary", "pointer-events-none opacity-50")}>Next</span>
        )}
      </nav>
    </div>
  );
}
