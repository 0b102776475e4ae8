import { describe, expect, it } from "vitest";
import { createAdmin, createStaff, createStudent } from "@/test/fixtures";
import { testDb } from "@/test/db";
import { setUserBlocked } from "./set-user-blocked";
import { getAdminOverview, listUsers } from "./queries";
import { userListQuerySchema } from "./schemas";

const query = (input: Record<string, string>) => userListQuerySchema.parse(input);

describe("admin user list", () => {
  it("searches by name, email and public id, and filters by role and status", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const zoe = await createStudent(db, "Zoë Kowalczyk");
    const teacher = await createStaff(db, admin, "teacher", "Tomasz Nowak");
    await setUserBlocked(db, admin, { userId: zoe.id }, true);

    expect((await listUsers(db, admin, query({ q: "kowal" }))).items.map((u) => u.id)).toEqual([zoe.id]);
    expect((await listUsers(db, admin, query({ q: teacher.email.slice(0, 12).toUpperCase() }))).items.map((u) => u.id)).toEqual([teacher.id]);
    expect((await listUsers(db, admin, query({ q: teacher.publicId.toLowerCase() }))).items.map((u) => u.id)).toEqual([teacher.id]);
    expect((await listUsers(db, admin, query({ role: "teacher" }))).items.map((u) => u.id)).toEqual([teacher.id]);
    expect((await listUsers(db, admin, query({ status: "blocked" }))).items.map((u) => u.id)).toEqual([zoe.id]);
    expect((await listUsers(db, admin, query({ q: "100%_" }))).items).toEqual([]);
  });

  it("pages through results and ignores nonsense in the query string", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    await Promise.all(Array.from({ length: 30 }, (_, i) => createStudent(db, `Paged Student ${i}`)));
    const page1 = await listUsers(db, admin, query({ q: "paged", page: "1" }));
    const page2 = await listUsers(db, admin, query({ q: "paged", page: "2" }));
    expect(page1.total).toBe(30);
    expect(page1.pageCount).toBe(2);
    expect(page1.items).toHaveLength(25);
    expect(page2.items).toHaveLength(5);
    expect(new Set([...page1.items, ...page2.items].map((u) => u.id)).size).toBe(30);
    expect(query({ page: "-4", role: "wizard" })).toEqual({ page: 1, q: undefined, role: undefined, status: undefined });
  });

  it("sorts by a chosen column in either direction, and ignores an unknown column", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    await Promise.all(["Sorted Bea", "Sorted Adam", "Sorted Cleo"].map((name) => createStudent(db, name)));
    const names = async (input: Record<string, string>) => (await listUsers(db, admin, query({ q: "sorted", ...input }))).items.map((u) => u.fullName);
    expect(await names({ sort: "name" })).toEqual(["Sorted Adam", "Sorted Bea", "Sorted Cleo"]);
    expect(await names({ sort: "name", dir: "desc" })).toEqual(["Sorted Cleo", "Sorted Bea", "Sorted Adam"]);
    const emails = (await listUsers(db, admin, query({ q: "sorted", sort: "email", dir: "desc" }))).items.map((u) => u.email);
    expect(emails).toEqual([...emails].sort().reverse());
    expect(query({ sort: "password", dir: "sideways" })).toMatchObject({ sort: undefined, dir: undefined });
  });

  it("is refused to everyone but admins", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const student = await createStudent(db);
    const rep = await createStaff(db, admin, "cs_rep");
    await expect(listUsers(db, student, query({}))).rejects.toMatchObject({ code: "forbidden" });
    await expect(listUsers(db, rep, query({}))).rejects.toMatchObject({ code: "forbidden" });
    await expect(getAdminOverview(db, rep)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("gives admins real figures for their home page", async () => {
    const db = await testDb();
    const admin = await createAdmin(db);
    const overview = await getAdminOverview(db, admin);
    expect(overview.byRole.admin).toBeGreaterThanOrEqual(1);
    expect(overview.newThisWeek).toBeGreaterThanOrEqual(overview.byRole.admin);
  });
});
