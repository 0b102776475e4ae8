import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { users } from "@/db/schema";
import { actorOf, createAdmin, createStaff } from "@/test/fixtures";
import { testDb } from "@/test/db";
import { setUserBlocked } from "./set-user-blocked";

// Its own file, so these two are the only admins in the database.
it("leaves one admin active when the only two admins block each other at the same time", async () => {
  const db = await testDb();
  const first = await createAdmin(db, "First Admin");
  const second = await actorOf(db, (await createStaff(db, first, "admin", "Second Admin")).id);
  for (let round = 0; round < 5; round++) {
    const results = await Promise.all([setUserBlocked(db, first, { userId: second.id }, true), setUserBlocked(db, second, { userId: first.id }, true)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ message: "You cannot block the last active admin" });
    const active = await db.select().from(users).where(and(eq(users.role, "admin"), eq(users.status, "active")));
    expect(active).toHaveLength(1);
    await db.update(users).set({ status: "active" }).where(eq(users.role, "admin"));
  }
});
