import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLogs, invoiceEvents, invoiceItems } from "@/db/schema";
import { assignmentIn, createTeam, must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { DEFAULT_TOTAL_MINOR, draftInput, invoiceIn, invoiceRef, invoiceRow } from "@/test/invoice-fixtures";
import { draftInvoice } from "./draft-invoice";

describe("drafting an invoice", () => {
  it("computes the total on the server in minor units, ignoring a total sent by the browser", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id: assignmentId } = await assignmentIn(db, team, "in_progress");
    const drafted = must(await draftInvoice(db, team.rep, { ...draftInput(assignmentId), totalMinor: 1, total: "0.01" }));
    expect(drafted).toMatchObject({ totalMinor: DEFAULT_TOTAL_MINOR, currency: "USD", version: 1 });
    const invoice = await invoiceRow(db, drafted.invoiceId);
    expect(invoice).toMatchObject({ status: "draft", number: null, studentId: team.student.id, draftedBy: team.rep.id, totalMinor: 11_550, paidMinor: 0 });
    const items = await db.select().from(invoiceItems).where(eq(invoiceItems.invoiceId, drafted.invoiceId));
    expect(items.map((i) => [i.position, i.quantity, i.unitPriceMinor, i.amountMinor])).toEqual([[1, 5, 2000, 10_000], [2, 1, 1550, 1550]]);
    expect(await db.select().from(invoiceEvents).where(eq(invoiceEvents.invoiceId, drafted.invoiceId))).toMatchObject([{ fromStatus: null, toStatus: "draft", actorId: team.rep.id }]);
    expect(await db.select().from(auditLogs).where(and(eq(auditLogs.targetId, drafted.invoiceId), eq(auditLogs.action, "invoice.drafted")))).toHaveLength(1);
  });

  it("uses the currency's minor unit: yen have none", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id: assignmentId } = await assignmentIn(db, team, "submitted");
    const drafted = must(await draftInvoice(db, team.admin, draftInput(assignmentId, { currency: "JPY", items: [{ description: "Homework set", quantity: "3", unitPrice: "1200" }] })));
    expect(drafted).toMatchObject({ totalMinor: 3600, currency: "JPY" });
    const refused = await draftInvoice(db, team.admin, draftInput(assignmentId, { currency: "JPY", items: [{ description: "Homework set", quantity: "1", unitPrice: "12.50" }] }));
    expect(refused).toMatchObject({ ok: false, code: "invalid", fieldErrors: { "items.0.unitPrice": ["Enter a price such as 1200"] } });
  });

  it("reports every bad field beside its own line item", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id: assignmentId } = await assignmentIn(db, team, "submitted");
    const result = await draftInvoice(db, team.rep, draftInput(assignmentId, {
      dueDate: "2020-01-01",
      currency: "XYZ",
      items: [
        { description: "", quantity: "2", unitPrice: "10" },
        { description: "Fee", quantity: "1.5", unitPrice: "12.345" },
      ],
    }));
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["currency", "dueDate", "items.0.description", "items.1.quantity", "items.1.unitPrice"].sort());
    expect(await draftInvoice(db, team.rep, draftInput(assignmentId, { items: [] }))).toMatchObject({ ok: false, fieldErrors: { items: ["Add at least one line item"] } });
    expect(await draftInvoice(db, team.rep, draftInput(assignmentId, { items: [{ description: "Fee", quantity: "1", unitPrice: "12.345" }] }))).toMatchObject({ ok: false, fieldErrors: { "items.0.unitPrice": ["Enter a price such as 12.50"] } });
    expect(await draftInvoice(db, team.rep, draftInput("00000000-0000-4000-8000-000000000000"))).toMatchObject({ ok: false, fieldErrors: { assignmentId: ["Choose an assignment"] } });
  });

  it("replaces a draft's items and bumps its version; a stale form is refused", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id, assignmentId } = await invoiceIn(db, team, "draft");
    const at = await invoiceRef(db, id);
    const updated = must(await draftInvoice(db, team.rep, { ...draftInput(assignmentId, { items: [{ description: "Essay", quantity: "2", unitPrice: "99.99" }] }), ...at }));
    expect(updated).toMatchObject({ invoiceId: id, version: at.expectedVersion + 1, totalMinor: 19_998 });
    expect(await db.select().from(invoiceItems).where(eq(invoiceItems.invoiceId, id))).toHaveLength(1);
    expect(await draftInvoice(db, team.rep, { ...draftInput(assignmentId), ...at })).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/changed since you opened it/) });
    const other = await assignmentIn(db, team, "submitted");
    expect(await draftInvoice(db, team.rep, { ...draftInput(other.id), ...(await invoiceRef(db, id)) })).toMatchObject({ ok: false, fieldErrors: { assignmentId: [expect.any(String)] } });
  });

  it("refuses to edit an invoice once submitted", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id, assignmentId } = await invoiceIn(db, team, "pending_approval");
    expect(await draftInvoice(db, team.rep, { ...draftInput(assignmentId), ...(await invoiceRef(db, id)) })).toMatchObject({ ok: false, code: "conflict", message: "Only a draft can be edited" });
  });

  it("lets only CS reps and admins draft", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id: assignmentId } = await assignmentIn(db, team, "submitted");
    await expect(draftInvoice(db, team.student, draftInput(assignmentId))).rejects.toMatchObject({ code: "forbidden" });
    await expect(draftInvoice(db, team.teacher, draftInput(assignmentId))).rejects.toMatchObject({ code: "forbidden" });
  });
});
