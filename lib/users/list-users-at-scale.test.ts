import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { createAdmin } from "@/test/fixtures";
import { testDb } from "@/test/db";
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
