import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLogs, notifications, payments } from "@/db/schema";
import { createTeam, must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { invoiceIn, invoiceRef, invoiceRow } from "@/test/invoice-fixtures";
import { voidInvoice } from "./void-invoice";

describe("voiding", () => {
  it("an admin voids an issued, unpaid invoice with a reason; the student is told", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "approved");
    expect(await voidInvoice(db, team.admin, { ...(await invoiceRef(db, id)), reason: "" })).toMatchObject({ ok: false, fieldErrors: { reason: [expect.any(String)] } });
    expect(must(await voidInvoice(db, team.admin, { ...(await invoiceRef(db, id)), reason: "Assignment cancelled" })).status).toBe("void");
    expect(await invoiceRow(db, id)).toMatchObject({ status: "void", voidReason: "Assignment cancelled", voidedBy: team.admin.id });
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, team.student.id), eq(notifications.type, "invoice.voided")))).toMatchObject([{ body: "Assignment cancelled" }]);
    expect(await db.select().from(auditLogs).where(and(eq(auditLogs.targetId, id), eq(auditLogs.action, "invoice.voided")))).toMatchObject([{ actorId: team.admin.id, metadata: expect.objectContaining({ reason: "Assignment cancelled" }) }]);
    expect(await voidInvoice(db, team.admin, { ...(await invoiceRef(db, id)), reason: "Again" })).toMatchObject({ ok: false, message: "This invoice is void" });
  });

  it("refuses once anything is paid, and before the invoice is issued", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    for (const status of ["partially_paid", "paid", "draft", "pending_approval"] as const) {
      const { id } = await invoiceIn(db, team, status);
      const before = await invoiceRow(db, id);
      expect(await voidInvoice(db, team.admin, { ...(await invoiceRef(db, id)), reason: "Mistake" }), status).toMatchObject({ ok: false, code: "conflict" });
      expect(await invoiceRow(db, id)).toEqual(before);
    }
  });

  it("refuses while an online payment is in progress", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "approved");
    await db.insert(payments).values({ invoiceId: id, provider: "stripe", providerReference: "cs_test_pending", amountMinor: 11_550, currency: "USD", status: "pending" });
    expect(await voidInvoice(db, team.admin, { ...(await invoiceRef(db, id)), reason: "Mistake" })).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/in progress/) });
  });

  it("only admins void", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "approved");
    await expect(voidInvoice(db, team.rep, { ...(await invoiceRef(db, id)), reason: "Mistake" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(voidInvoice(db, team.student, { ...(await invoiceRef(db, id)), reason: "Mistake" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
