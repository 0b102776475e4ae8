import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLogs, invoiceEvents, notifications, payments } from "@/db/schema";
import { createTeam, must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { dateIn, invoiceIn, invoiceRef, invoiceRow, manualPayment } from "@/test/invoice-fixtures";
import { recordManualPayment } from "./record-manual-payment";

describe("recording manual payments", () => {
  it("part payments leave the invoice partially paid with its balance, and it is paid when the balance reaches zero", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "approved");
    const first = must(await recordManualPayment(db, team.admin, { ...(await invoiceRef(db, id)), ...manualPayment("40.00", { method: "cash", note: "Paid at the desk" }) }));
    expect(first).toMatchObject({ status: "partially_paid", balanceMinor: 7550 });
    expect(must(await recordManualPayment(db, team.admin, { ...(await invoiceRef(db, id)), ...manualPayment("25.50") }))).toMatchObject({ status: "partially_paid", balanceMinor: 5000 });
    expect(must(await recordManualPayment(db, team.admin, { ...(await invoiceRef(db, id)), ...manualPayment("50") }))).toMatchObject({ status: "paid", balanceMinor: 0 });
    expect(await invoiceRow(db, id)).toMatchObject({ status: "paid", paidMinor: 11_550, paidAt: expect.any(Date) });
    const rows = await db.select().from(payments).where(eq(payments.invoiceId, id));
    expect(rows.map((p) => [p.provider, p.status, p.amountMinor, p.recordedBy])).toEqual([
      ["manual", "succeeded", 4000, team.admin.id],
      ["manual", "succeeded", 2550, team.admin.id],
      ["manual", "succeeded", 5000, team.admin.id],
    ]);
    expect(rows[0]).toMatchObject({ method: "cash", note: "Paid at the desk", currency: "USD" });
    const events = await db.select().from(invoiceEvents).where(eq(invoiceEvents.invoiceId, id));
    expect(events.map((e) => e.toStatus)).toEqual(["draft", "pending_approval", "approved", "partially_paid", "paid"]);
    expect(await db.select().from(auditLogs).where(and(eq(auditLogs.targetId, id), eq(auditLogs.action, "payment.applied")))).toHaveLength(3);
    const told = await db.select().from(notifications).where(and(eq(notifications.userId, team.student.id), eq(notifications.type, "payment.received")));
    expect(told.map((n) => n.title)).toContain(`Invoice ${(await invoiceRow(db, id)).number} is paid`);
  });

  it("refuses an overpayment and records nothing", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "partially_paid");
    expect(await recordManualPayment(db, team.admin, { ...(await invoiceRef(db, id)), ...manualPayment("65.51") })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { amount: ["The amount is more than the balance of $65.50"] },
    });
    expect(await db.select().from(payments).where(eq(payments.invoiceId, id))).toHaveLength(1);
    expect((await invoiceRow(db, id)).paidMinor).toBe(5000);
  });

  it("refuses bad amounts, future dates and a reference already recorded", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "approved");
    for (const amount of ["0", "-5", "12.345", "abc"]) {
      expect(await recordManualPayment(db, team.admin, { ...(await invoiceRef(db, id)), ...manualPayment(amount) }), amount).toMatchObject({ ok: false, fieldErrors: { amount: [expect.any(String)] } });
    }
    expect(await recordManualPayment(db, team.admin, { ...(await invoiceRef(db, id)), ...manualPayment("10", { paidOn: dateIn(2) }) })).toMatchObject({ ok: false, fieldErrors: { paidOn: [expect.any(String)] } });
    expect(await recordManualPayment(db, team.admin, { ...(await invoiceRef(db, id)), ...manualPayment("10", { method: "bitcoin" }) })).toMatchObject({ ok: false, fieldErrors: { method: [expect.any(String)] } });
    must(await recordManualPayment(db, team.admin, { ...(await invoiceRef(db, id)), ...manualPayment("10", { reference: "WIRE-42" }) }));
    expect(await recordManualPayment(db, team.admin, { ...(await invoiceRef(db, id)), ...manualPayment("10", { reference: "WIRE-42" }) })).toMatchObject({
      ok: false,
      fieldErrors: { reference: ["A payment with this reference is already recorded"] },
    });
  });

  it("refuses invoices that are not open for payment and stale forms", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    for (const status of ["draft", "pending_approval", "paid", "void"] as const) {
      const { id } = await invoiceIn(db, team, status);
      expect(await recordManualPayment(db, team.admin, { ...(await invoiceRef(db, id)), ...manualPayment("1.00") }), status).toMatchObject({ ok: false, code: "conflict" });
    }
    const { id } = await invoiceIn(db, team, "approved");
    const stale = await invoiceRef(db, id);
    must(await recordManualPayment(db, team.admin, { ...stale, ...manualPayment("1.00") }));
    expect(await recordManualPayment(db, team.admin, { ...stale, ...manualPayment("1.00") })).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/changed since you opened it/) });
  });

  it("only admins record manual payments", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "approved");
    for (const actor of [team.rep, team.student, team.teacher]) {
      await expect(recordManualPayment(db, actor, { ...(await invoiceRef(db, id)), ...manualPayment("1.00") })).rejects.toMatchObject({ code: "forbidden" });
    }
  });
});
