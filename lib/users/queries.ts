import { and, asc, count, desc, eq, gte, inArray, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { profiles, userRoleTotals, users, type Role } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { USERS_MAX_PAGE, USERS_PAGE_SIZE, type UserListQuery, type UserSortColumn } from "./schemas";

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// A UNION, not an OR across two tables, so each branch uses its own index: trigram GIN on
// email and on lower(full_name), the unique btree on public_id.
function searchCondition(q: string): SQL {
  const needle = `%${escapeLike(q.toLowerCase())}%`;
  return inArray(
    users.id,
    sql`(select id from users where email like ${needle}
         union select user_id from profiles where lower(full_name) like ${needle}
         union select user_id from profiles where public_id = ${q.toUpperCase()})`,
  );
}

// Nobody pages past USERS_MAX_PAGE, so counting further than that costs without telling anything.
const COUNT_CAP = USERS_MAX_PAGE * USERS_PAGE_SIZE;

const sortColumn: Record<UserSortColumn, AnyColumn | SQL> = {
  name: sql`lower(${profiles.fullName})`,
  publicId: profiles.publicId,
  email: users.email,
  role: users.role,
  status: users.status,
  lastSignIn: users.lastSignInAt,
  created: users.createdAt,
};

/** Newest accounts first unless a column is chosen; ties (and never-signed-in users) keep a stable order. */
function orderFor(query: UserListQuery): SQL[] {
  if (!query.sort) return [desc(users.createdAt), desc(users.id)];
  const column = sortColumn[query.sort];
  const direction = query.dir === "desc" ? sql`desc nulls last` : sql`asc nulls last`;
  return [sql`${column} ${direction}`, query.dir === "desc" ? desc(users.id) : asc(users.id)];
}

export async function listUsers(db: Executor, actor: Actor, query: UserListQuery) {
  requirePermission(actor, "users:list");
  const where = and(
    query.q ? searchCondition(query.q) : undefined,
    query.role ? eq(users.role, query.role) : undefined,
    query.status ? eq(users.status, query.status) : undefined,
  );
  // The page's ids first, from users alone unless the order is a profile's: a deep page then walks
  // the index, not a profile lookup for every row it skips.
  const byProfile = query.sort === "name" || query.sort === "publicId";
  const ordered = byProfile ? db.select({ id: users.id }).from(users).innerJoin(profiles, eq(profiles.userId, users.id)) : db.select({ id: users.id }).from(users);
  const pageIds = ordered
    .where(where)
    .orderBy(...orderFor(query))
    .limit(USERS_PAGE_SIZE)
    .offset((query.page - 1) * USERS_PAGE_SIZE);
  const [items, totals] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        role: users.role,
        status: users.status,
        createdAt: users.createdAt,
        lastSignInAt: users.lastSignInAt,
        publicId: profiles.publicId,
        fullName: profiles.fullName,
      })
      .from(users)
      .innerJoin(profiles, eq(profiles.userId, users.id))
      .where(inArray(users.id, pageIds))
      .orderBy(...orderFor(query)),
    db
      .select({ n: count() })
      .from(db.select({ one: sql`1` }).from(users).where(where).limit(COUNT_CAP + 1).as("capped")),
  ]);
  const counted = totals[0]?.n ?? 0;
  const total = Math.min(counted, COUNT_CAP);
  return { items, total, totalIsCapped: counted > COUNT_CAP, page: query.page, pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}

export type UserList = Awaited<ReturnType<typeof listUsers>>;
export type UserListItem = UserList["items"][number];

export type AdminOverview = { byRole: Record<Role, number>; blocked: number; newThisWeek: number };

export async function getAdminOverview(db: Executor, actor: Actor): Promise<AdminOverview> {
  requirePermission(actor, "dashboard:admin");
  const [byRoleRows, [blockedRow], [newRow]] = await Promise.all([
    // The running totals (user_role_totals, kept by a trigger on users): four rows however many people.
    db.select({ role: userRoleTotals.role, n: userRoleTotals.users }).from(userRoleTotals),
    db.select({ n: count() }).from(users).where(eq(users.status, "blocked")),
    db.select({ n: count() }).from(users).where(gte(users.createdAt, sql`now() - interval '7 days'`)),
  ]);
  const byRole: Record<Role, number> = { student: 0, teacher: 0, cs_rep: 0, admin: 0 };
  for (const row of byRoleRows) byRole[row.role] = Number(row.n);
  return { byRole, blocked: blockedRow?.n ?? 0, newThisWeek: newRow?.n ?? 0 };
}
