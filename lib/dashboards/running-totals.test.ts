import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments, payments, refunds, users } from "@/db/schema";
import { createTeam } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStudent } from "@/test/fixtures";
import { invoiceIn } from "@/test/invoice-fixtures";
import { setTimeZone } from "@/test/meeting-core-fixtures";
import { getAdminDashboard } from "./admin";

type Db = Awaited<ReturnType<typeof testDb>>;

/** The running totals as stored, and as counted from scratch from the rows themselves. */
async function totalsStoredAndRecounted(db: Db) {
  const read = async () => ({
    statuses: (await db.execute(sql`select status::text, assignments from assignment_status_totals where assignments <> 0 order by 1`)).rows,
    roles: (await db.execute(sql`select role::text, users from user_role_totals where users <> 0 order by 1`)).rows,
    revenue: (await db.execute(sql`select currency, slot, net_minor::text from revenue_slots where net_minor <> 0 order by 1, 2`)).rows,
  });
  const stored = await read();
  // Recounted inside a transaction that is rolled back, so the stored totals stay as they were.
  let recounted: typeof stored | undefined;
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`select refresh_assignment_status_totals(), refresh_user_role_totals(), refresh_revenue_slots()`);
      recounted = {
        statuses: (await tx.execute(sql`select status::text, assignments from assignment_status_totals where assignments <> 0 order by 1`)).rows,
        roles: (await tx.execute(sql`select role::text, users from user_role_totals where users <> 0 order by 1`)).rows,
        revenue: (await tx.execute(sql`select currency, slot, net_minor::text from revenue_slots where net_minor <> 0 order by 1, 2`)).rows,
      };
      tx.rollback();
    })
    .catch(() => {});
  return { stored, recounted };
}

async function pay(db: Db, invoiceId: string, amountMinor: number, paidAt: string, status: "succeeded" | "failed" | "pending" = "succeeded") {
  const [row] = await db
    .insert(payments)
    .values({ invoiceId, provider: "manual", providerReference: `TOTALS-${randomUUID()}`, amountMinor, currency: "USD", status, paidAt: status === "pending" ? null : new Date(paidAt), method: "bank_transfer" })
    .returning();
  return row!;
}

describe("the dashboard's running totals", () => {
  it("equal a count from scratch after assignments move, people change role or go, payments are captured, moved and deleted, and refunds confirm", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id: invoiceId, assignmentId } = await invoiceIn(db, team, "approved");
    const { id: otherInvoice } = await invoiceIn(db, team, "approved");

    const pending = await pay(db, invoiceId, 4_000, "", "pending");
    const captured = await pay(db, invoiceId, 10_000, "2026-02-10T09:00:00Z");
    const failed = await pay(db, otherInvoice, 3_000, "2026-02-11T09:00:00Z", "failed");
    // Captured later: the money appears at its paid_at.
    await db.update(payments).set({ status: "succeeded", paidAt: new Date("2026-03-02T10:07:00Z") }).where(eq(payments.id, pending.id));
    // Refunded in full: still captured money; the refund row is what subtracts.
    await db.update(payments).set({ status: "refunded" }).where(eq(payments.id, captured.id));
    const [refund] = await db
      .insert(refunds)
      .values({ paymentId: captured.id, invoiceId, provider: "manual", amountMinor: 10_000, currency: "USD", status: "pending", reason: "Totals" })
      .returning();
    await db.update(refunds).set({ status: "succeeded", confirmedAt: new Date("2026-03-04T08:00:00Z") }).where(eq(refunds.id, refund!.id));
    await db.update(payments).set({ paidAt: new Date("2026-01-31T23:59:00Z") }).where(eq(payments.id, failed.id));
    await db.delete(payments).where(eq(payments.id, failed.id));

    // Moved, then "moved" to where it already is (no change to count).
    await db.update(assignments).set({ status: "cancelled" }).where(eq(assignments.id, assignmentId));
    await db.update(assignments).set({ status: "cancelled" }).where(eq(assignments.id, assignmentId));
    // A helper made a CS rep, and an account removed.
    await db.update(users).set({ role: "cs_rep" }).where(eq(users.id, team.helper.id));
    await db.delete(users).where(eq(users.id, (await createStudent(db, "Gone Soon")).id));

    const { stored, recounted } = await totalsStoredAndRecounted(db);
    expect(stored.revenue.length).toBeGreaterThan(0);
    expect(stored).toEqual(recounted);
  });

  it("ignore a change that was rolled back", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id: invoiceId, assignmentId } = await invoiceIn(db, team, "approved");
    await pay(db, invoiceId, 2_500, "2026-02-10T09:00:00Z");
    const before = (await totalsStoredAndRecounted(db)).stored;
    await db
      .transaction(async (tx) => {
        await tx.insert(payments).values({ invoiceId, provider: "manual", providerReference: `TOTALS-${randomUUID()}`, amountMinor: 9_900, currency: "USD", status: "succeeded", paidAt: new Date(), method: "bank_transfer" });
        await tx.update(assignments).set({ status: "completed" }).where(eq(assignments.id, assignmentId));
        tx.rollback();
      })
      .catch(() => {});
    expect((await totalsStoredAndRecounted(db)).stored).toEqual(before);
  });

  it("put money in the right month of a zone whose offset is not a whole hour (Kathmandu, +05:45)", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id: invoiceId } = await invoiceIn(db, team, "approved");
    await setTimeZone(db, team.admin.id, "Asia/Kathmandu");
    const now = new Date("2026-03-15T12:00:00Z");
    // The file's other tests share this database: compare with what was there before.
    const before = await getAdminDashboard(db, team.admin, now);
    // 1 March 00:00 in Kathmandu is 28 February 18:15 UTC.
    await pay(db, invoiceId, 1_000, "2026-02-28T18:14:59Z");
    await pay(db, invoiceId, 2_000, "2026-02-28T18:15:00Z");
    const after = await getAdminDashboard(db, team.admin, now);
    expect(after.revenueLastMonth - before.revenueLastMonth).toBe(1_000);
    expect(after.revenueThisMonth - before.revenueThisMonth).toBe(2_000);
  });
});
