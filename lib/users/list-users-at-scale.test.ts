import { sql } from "drizzle-orm";
import type pg from "pg";
import { expect, it } from "vitest";
import { createAdmin } from "@/test/fixtures";
import { testDb } from "@/test/db";
import { insertScalePeople, rowsReadOf } from "@/test/scale-plans";
import { listUsers } from "./queries";
import { USERS_MAX_PAGE, USERS_PAGE_SIZE, userListQuerySchema } from "./schemas";

// Its own file (its own database): more users than the deepest page can reach.
it("stops counting where paging stops, and says there are more", async () => {
  const db = await testDb();
  const admin = await createAdmin(db);
  const reachable = USERS_MAX_PAGE * USERS_PAGE_SIZE;
  await db.execute(sql`
    insert into users (email, password_hash, role) select 'bulk' || i || '@example.test', 'x', 'student' from generate_series(1, ${reachable + 10}) as i`);
  await db.execute(sql`insert into profiles (user_id, full_name) select id, 'Bulk ' || email from users where email like 'bulk%'`);
  const list = await listUsers(db, admin, userListQuerySchema.parse({}));
  expect(list).toMatchObject({ total: reachable, totalIsCapped: true, pageCount: USERS_MAX_PAGE });
  const last = await listUsers(db, admin, userListQuerySchema.parse({ page: String(USERS_MAX_PAGE) }));
  expect(last.items).toHaveLength(USERS_PAGE_SIZE);
  const narrowed = await listUsers(db, admin, userListQuerySchema.parse({ q: "bulk1234@" }));
  expect(narrowed).toMatchObject({ total: 1, totalIsCapped: false });
});

it("a deep page looks up profiles for its own rows only, whichever users column it is sorted by", async () => {
  const db = await testDb();
  const pool = (db as unknown as { $client: pg.Pool }).$client;
  const admin = await createAdmin(db);
  await insertScalePeople(pool, { student: USERS_MAX_PAGE * USERS_PAGE_SIZE });
  await db.execute(sql`vacuum analyze`);
  const pageReads = (query: string) => !query.includes("count(");
  for (const sort of [{}, { sort: "email", dir: "asc" }, { sort: "created", dir: "desc" }]) {
    const deep = userListQuerySchema.parse({ ...sort, page: String(USERS_MAX_PAGE) });
    const [page] = await rowsReadOf(pool, (d) => listUsers(d, admin, deep), pageReads);
    expect(Math.max(page!.profiles!.rows, page!.profiles!.loops)).toBeLessThanOrEqual(USERS_PAGE_SIZE);
  }
  // Sorted by name, the order is a profile's: the page is still right (the first of the last page).
  const byName = await listUsers(db, admin, userListQuerySchema.parse({ sort: "name", dir: "asc", page: String(USERS_MAX_PAGE) }));
  expect(byName.items).toHaveLength(USERS_PAGE_SIZE);
  expect(byName.items.map((u) => u.fullName)).toEqual([...byName.items.map((u) => u.fullName)].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
});
