import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { payments, refunds, type PaymentStatus, type RefundStatus } from "@/db/schema";
import { createTeam } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStudent } from "@/test/fixtures";
import { invoiceIn } from "@/test/invoice-fixtures";
import { setTimeZone } from "@/test/meeting-core-fixtures";
import { getPaymentHistoryPage } from "@/lib/payments/history";
import { getAdminDashboard } from "./admin";

type Db = Awaited<ReturnType<typeof testDb>>;

// Payments and refunds written straight to the tables, at exact instants around month ends.
async function pay(db: Db, invoiceId: string, amountMinor: number, paidAt: string, status: PaymentStatus = "succeeded", currency = "USD") {
  const [row] = await db
    .insert(payments)
    .values({ invoiceId, provider: "manual", providerReference: `TEST-${randomUUID()}`, amountMinor, currency, status, paidAt: new Date(paidAt), method: "bank_transfer" })
    .returning();
  return row!;
}

async function refund(db: Db, payment: { id: string; invoiceId: string }, amountMinor: number, confirmedAt: string, status: RefundStatus = "succeeded") {
  await db.insert(refunds).values({ paymentId: payment.id, invoiceId: payment.invoiceId, provider: "manual", amountMinor, currency: "USD", status, reason: "Test", confirmedAt: new Date(confirmedAt) });
}

const now = new Date("2026-03-15T12:00:00Z");

describe("the admin dashboard", () => {
  it("buckets revenue by calendar month in the admin's time zone, refunds subtracted, default currency only", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id: invoiceId } = await invoiceIn(db, team, "approved");
    await setTimeZone(db, team.admin.id, "America/New_York");

    const late = await pay(db, invoiceId, 10_000, "2026-03-01T03:00:00Z"); // 28 Feb, 22:00 in New York
    await pay(db, invoiceId, 5_000, "2026-03-01T06:00:00Z"); // 1 Mar, 01:00 in New York
    await pay(db, invoiceId, 1_500, "2026-03-05T12:00:00Z", "disputed"); // captured, not yet matched: still money in
    await pay(db, invoiceId, 7_000, "2026-03-05T12:00:00Z", "succeeded", "EUR");
    await pay(db, invoiceId, 3_000, "2026-03-05T12:00:00Z", "failed");
    await pay(db, invoiceId, 4_000, "2025-04-01T03:00:00Z"); // 31 Mar 2025 in New York: before the 12 months
    await pay(db, invoiceId, 2_500, "2025-04-01T05:00:00Z"); // 1 Apr 2025, 01:00: the first of the 12 months
    await refund(db, late, 2_000, "2026-03-10T12:00:00Z");
    await refund(db, late, 1_000, "2026-03-10T12:00:00Z", "pending");

    const dashboard = await getAdminDashboard(db, team.admin, now);
    expect(dashboard.currency).toBe("USD");
    expect(dashboard.timeZone).toBe("America/New_York");
    expect(dashboard.revenueByMonth).toHaveLength(12);
    expect(dashboard.revenueByMonth[0]).toEqual({ month: "2025-04", minor: 2_500 });
    expect(dashboard.revenueByMonth.at(-1)).toEqual({ month: "2026-03", minor: 5_000 + 1_500 - 2_000 });
    expect(dashboard.revenueThisMonth).toBe(4_500);
    expect(dashboard.revenueLastMonth).toBe(10_000);
    expect(dashboard.revenueByMonth.slice(1, 10).every((month) => month.minor === 0)).toBe(true);
    expect(dashboard.disputedPayments).toBe(1);
    // The count is the total of the list it links to (/admin/payments?status=disputed).
    expect((await getPaymentHistoryPage(db, team.admin, "1", "disputed")).history.total).toBe(dashboard.disputedPayments);

    // The same instants seen from Tokyo: the late-February payment is March's there.
    await setTimeZone(db, team.admin.id, "Asia/Tokyo");
    const tokyo = await getAdminDashboard(db, team.admin, now);
    expect(tokyo.revenueThisMonth).toBe(10_000 + 5_000 + 1_500 - 2_000);
    expect(tokyo.revenueLastMonth).toBe(0);
    expect(tokyo.revenueByMonth[0]).toEqual({ month: "2025-04", minor: 4_000 + 2_500 });
  });

  it("counts approvals waiting, assignments by status and users by role; a year without money reads as zeros", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const before = await getAdminDashboard(db, team.admin, now);
    const quiet = await getAdminDashboard(db, team.admin, new Date("2031-06-15T12:00:00Z"));
    expect(quiet.revenueByMonth.map((month) => month.minor)).toEqual(Array(12).fill(0));
    expect(quiet.revenueByMonth[0]?.month).toBe("2030-07");
    expect(quiet.revenueThisMonth).toBe(0);

    await invoiceIn(db, team, "pending_approval");
    await invoiceIn(db, team, "draft");
    await createStudent(db, "One More Student");
    const after = await getAdminDashboard(db, team.admin, now);
    expect(after.approvalsWaiting - before.approvalsWaiting).toBe(1);
    expect(after.assignmentsByStatus.map((row) => row.status)).toEqual(["submitted", "assigned", "in_progress", "delivered", "revision_requested", "completed", "cancelled"]);
    const inProgress = (dashboard: typeof after) => dashboard.assignmentsByStatus.find((row) => row.status === "in_progress")?.count ?? 0;
    expect(inProgress(after) - inProgress(before)).toBe(2);
    expect(after.usersByRole.student - before.usersByRole.student).toBe(1);
    expect(after.usersByRole.teacher).toBeGreaterThanOrEqual(2);
  });

  it("is refused to every other role", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    for (const actor of [team.student, team.teacher, team.rep]) await expect(getAdminDashboard(db, actor)).rejects.toMatchObject({ code: "forbidden" });
  });
});
