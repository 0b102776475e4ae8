import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLogs, invoiceEvents, notifications } from "@/db/schema";
import { assignmentIn, createTeam, must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStaff } from "@/test/fixtures";
import { draftInput, invoiceIn, invoiceRef, invoiceRow } from "@/test/invoice-fixtures";
import { approveInvoice } from "./approve-invoice";
import { draftInvoice } from "./draft-invoice";
import { rejectInvoice } from "./reject-invoice";
import { submitForApproval } from "./submit-for-approval";

const year = new Date().getUTCFullYear();

describe("submitting, approving and rejecting", () => {
  it("a CS rep submits a draft to the admins' queue, and the admin's approval issues it with a number", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "draft");
    expect(must(await submitForApproval(db, team.rep, await invoiceRef(db, id))).status).toBe("pending_approval");
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, team.admin.id), eq(notifications.type, "invoice.submitted")))).toMatchObject([
      { title: "Invoice for $115.50 waits for approval", link: `/admin/invoices/${id}` },
    ]);
    const approved = must(await approveInvoice(db, team.admin, await invoiceRef(db, id)));
    expect(approved).toMatchObject({ status: "approved", number: `INV-${year}-00001` });
    expect(await invoiceRow(db, id)).toMatchObject({ number: `INV-${year}-00001`, approvedBy: team.admin.id, issuedAt: expect.any(Date) });
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, team.student.id), eq(notifications.type, "invoice.issued")))).toMatchObject([
      { title: `Invoice INV-${year}-00001 for $115.50`, link: `/student/invoices/${id}` },
    ]);
    const events = await db.select().from(invoiceEvents).where(eq(invoiceEvents.invoiceId, id));
    expect(events.map((e) => e.toStatus)).toEqual(["draft", "pending_approval", "approved"]);
    const audits = await db.select().from(auditLogs).where(eq(auditLogs.targetId, id));
    expect(audits.map((a) => a.action)).toEqual(["invoice.drafted", "invoice.submitted", "invoice.approved"]);
  });

  it("a rejected invoice goes back to draft with the reason, the CS rep is told, and it can be fixed and resubmitted", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id, assignmentId } = await invoiceIn(db, team, "pending_approval");
    expect(await rejectInvoice(db, team.admin, { ...(await invoiceRef(db, id)), reason: "" })).toMatchObject({ ok: false, fieldErrors: { reason: [expect.any(String)] } });
    expect(must(await rejectInvoice(db, team.admin, { ...(await invoiceRef(db, id)), reason: "Rush fee was waived" })).status).toBe("draft");
    expect(await invoiceRow(db, id)).toMatchObject({ status: "draft", number: null, rejectionReason: "Rush fee was waived" });
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, team.rep.id), eq(notifications.type, "invoice.rejected")))).toMatchObject([
      { body: "Rush fee was waived", link: `/support/invoices/${id}` },
    ]);
    expect(await db.select().from(invoiceEvents).where(and(eq(invoiceEvents.invoiceId, id), eq(invoiceEvents.fromStatus, "pending_approval")))).toMatchObject([{ toStatus: "draft", note: "Rush fee was waived" }]);
    must(await draftInvoice(db, team.rep, { ...draftInput(assignmentId, { items: [{ description: "Essay, 5 pages", quantity: "5", unitPrice: "20" }] }), ...(await invoiceRef(db, id)) }));
    must(await submitForApproval(db, team.rep, await invoiceRef(db, id)));
    expect(must(await approveInvoice(db, team.admin, await invoiceRef(db, id)))).toMatchObject({ status: "approved" });
    expect(await invoiceRow(db, id)).toMatchObject({ totalMinor: 10_000, rejectionReason: null });
  });

  it("a CS rep cannot approve or reject; students and teachers cannot submit", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "pending_approval");
    const at = await invoiceRef(db, id);
    await expect(approveInvoice(db, team.rep, at)).rejects.toMatchObject({ code: "forbidden" });
    await expect(rejectInvoice(db, team.rep, { ...at, reason: "No" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(approveInvoice(db, team.student, at)).rejects.toMatchObject({ code: "forbidden" });
    await expect(submitForApproval(db, team.student, at)).rejects.toMatchObject({ code: "forbidden" });
    await expect(submitForApproval(db, team.teacher, at)).rejects.toMatchObject({ code: "forbidden" });
    expect((await invoiceRow(db, id)).status).toBe("pending_approval");
  });

  it("refuses illegal moves and changes nothing", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const draft = await invoiceIn(db, team, "draft");
    expect(await approveInvoice(db, team.admin, await invoiceRef(db, draft.id))).toMatchObject({ ok: false, code: "conflict", message: "Only an invoice waiting for approval can be approved" });
    expect(await rejectInvoice(db, team.admin, { ...(await invoiceRef(db, draft.id)), reason: "Wrong" })).toMatchObject({ ok: false, code: "conflict" });
    const issued = await invoiceIn(db, team, "approved");
    const before = await invoiceRow(db, issued.id);
    expect(await submitForApproval(db, team.rep, await invoiceRef(db, issued.id))).toMatchObject({ ok: false, message: "Only a draft can be submitted for approval" });
    expect(await approveInvoice(db, team.admin, await invoiceRef(db, issued.id))).toMatchObject({ ok: false, code: "conflict" });
    expect(await rejectInvoice(db, team.admin, { ...(await invoiceRef(db, issued.id)), reason: "Too late" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await invoiceRow(db, issued.id)).toEqual(before);
  });

  it("refuses a stale form and a zero total", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "pending_approval");
    const stale = { invoiceId: id, expectedVersion: (await invoiceRef(db, id)).expectedVersion - 1 };
    expect(await approveInvoice(db, team.admin, stale)).toMatchObject({ ok: false, code: "conflict", message: expect.stringMatching(/changed since you opened it \(it is now Pending approval\)/) });
    const { id: assignmentId } = await assignmentIn(db, team, "submitted");
    const free = must(await draftInvoice(db, team.rep, draftInput(assignmentId, { items: [{ description: "Goodwill", quantity: "1", unitPrice: "0" }] })));
    expect(await submitForApproval(db, team.rep, await invoiceRef(db, free.invoiceId))).toMatchObject({ ok: false, message: expect.stringMatching(/more than zero/) });
  });

  it("two admins approving at once: one issues it, the other is told it changed", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const second = await createStaff(db, team.admin, "admin", "Second Admin");
    const { id } = await invoiceIn(db, team, "pending_approval");
    const at = await invoiceRef(db, id);
    const results = await Promise.all([approveInvoice(db, team.admin, at), approveInvoice(db, second, at)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "conflict" });
    expect(await db.select().from(invoiceEvents).where(and(eq(invoiceEvents.invoiceId, id), eq(invoiceEvents.toStatus, "approved")))).toHaveLength(1);
  });
});
