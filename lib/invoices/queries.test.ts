import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invoices } from "@/db/schema";
import { createTeam, must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStudent } from "@/test/fixtures";
import { dateIn, invoiceIn, invoiceRef, makeOverdue, manualPayment } from "@/test/invoice-fixtures";
import { recordManualPayment } from "./record-manual-payment";
import { rejectInvoice } from "./reject-invoice";
import { getInvoiceDetail, getInvoiceForActorOrThrow, listApprovalQueue, listInvoicesForActor, listInvoicesForAssignment } from "./queries";
import { invoiceListQuerySchema } from "./schemas";

const query = (input: Record<string, unknown> = {}) => invoiceListQuerySchema.parse(input);

describe("reading invoices", () => {
  it("an assignment's page lists its invoices with balance: staff see drafts too, the student only issued ones, a teacher none", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const issued = await invoiceIn(db, team, "partially_paid");
    const { assignmentId } = await getInvoiceForActorOrThrow(db, team.rep, issued.id);
    const draft = await invoiceIn(db, team, "draft", { assignmentId });
    await invoiceIn(db, team, "approved");
    const forRep = await listInvoicesForAssignment(db, team.rep, assignmentId);
    expect(forRep.map((i) => i.id).sort()).toEqual([issued.id, draft.id].sort());
    expect(forRep.find((i) => i.id === issued.id)).toMatchObject({ status: "partially_paid", totalMinor: 11_550, balanceMinor: 6550 });
    expect((await listInvoicesForAssignment(db, team.student, assignmentId)).map((i) => i.id)).toEqual([issued.id]);
    expect(await listInvoicesForAssignment(db, team.rep, "not-a-uuid")).toEqual([]);
    await expect(listInvoicesForAssignment(db, team.teacher, assignmentId)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("a student sees only their own issued invoices, with status, amount, due date, balance and overdue", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const draft = await invoiceIn(db, team, "draft");
    const pending = await invoiceIn(db, team, "pending_approval");
    const partly = await invoiceIn(db, team, "partially_paid");
    await makeOverdue(db, partly.id);
    const paid = await invoiceIn(db, team, "paid");
    const list = await listInvoicesForActor(db, team.student, query());
    expect(list.items.map((i) => i.id).sort()).toEqual([partly.id, paid.id].sort());
    expect(list.items.find((i) => i.id === partly.id)).toMatchObject({ status: "partially_paid", totalMinor: 11_550, balanceMinor: 6550, overdue: true, dueDate: dateIn(-3) });
    expect(list.items.find((i) => i.id === paid.id)).toMatchObject({ balanceMinor: 0, overdue: false });
    for (const hidden of [draft.id, pending.id]) await expect(getInvoiceForActorOrThrow(db, team.student, hidden)).rejects.toMatchObject({ code: "not_found" });
  });

  it("another student's invoice by id is not found, and a teacher has no invoices", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "approved");
    const stranger = await createStudent(db, "Stranger Student");
    await expect(getInvoiceDetail(db, stranger, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getInvoiceForActorOrThrow(db, stranger, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
    expect((await listInvoicesForActor(db, stranger, query({ studentId: team.student.id }))).items).toEqual([]);
    await expect(listInvoicesForActor(db, team.teacher, query())).rejects.toMatchObject({ code: "forbidden" });
    await expect(getInvoiceDetail(db, team.teacher, id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await recordManualPayment(db, team.admin, { ...(await invoiceRef(db, id)), ...manualPayment("1") })).toMatchObject({ ok: true });
  });

  it("staff see all invoices, filtered by status, student, date range and overdue, with totals per currency", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const other = await createStudent(db, "Olga Other");
    const a = await invoiceIn(db, team, "approved");
    const b = await invoiceIn(db, team, "partially_paid");
    const c = await invoiceIn(db, team, "void");
    const d = await invoiceIn(db, team, "draft", { input: { currency: "EUR" } });
    await makeOverdue(db, a.id);
    // Each test file shares one database, so this test reads through its own student's filter.
    const mine = (input: Record<string, unknown> = {}) => query({ studentId: team.student.id, ...input });
    const all = await listInvoicesForActor(db, team.rep, mine());
    expect(all.total).toBe(4);
    expect(all.totals).toEqual([
      { currency: "EUR", count: 1, invoicedMinor: 11_550, paidMinor: 0, outstandingMinor: 0, overdueMinor: 0 },
      { currency: "USD", count: 3, invoicedMinor: 23_100, paidMinor: 5000, outstandingMinor: 18_100, overdueMinor: 11_550 },
    ]);
    expect((await listInvoicesForActor(db, team.rep, mine({ status: "void" }))).items.map((i) => i.id)).toEqual([c.id]);
    expect((await listInvoicesForActor(db, team.admin, mine({ overdue: "1" }))).items.map((i) => i.id)).toEqual([a.id]);
    expect((await listInvoicesForActor(db, team.admin, query({ overdue: "1" }))).items.map((i) => i.id)).toContain(a.id);
    expect((await listInvoicesForActor(db, team.admin, query({ studentId: other.id }))).total).toBe(0);
    expect((await listInvoicesForActor(db, team.admin, mine({ from: dateIn(0), to: dateIn(0) }))).total).toBe(4);
    expect((await listInvoicesForActor(db, team.admin, query({ from: dateIn(1) }))).total).toBe(0);
    expect((await listInvoicesForActor(db, team.admin, query({ to: dateIn(-1) }))).total).toBe(0);
    expect(all.items.map((i) => i.id)).toEqual([d.id, c.id, b.id, a.id]);
    expect(all.items[0]).toMatchObject({ studentName: "Liam Student", assignmentCode: expect.stringMatching(/^ASG-/) });
  });

  it("staff sort invoices by created, due date, total or status in either direction, with the id breaking ties", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const make = async (status: "draft" | "pending_approval" | "approved" | "void", price: string, dueInDays: number, minute: number) => {
      const { id } = await invoiceIn(db, team, status, { input: { dueDate: dateIn(dueInDays), items: [{ description: "Essay", quantity: "1", unitPrice: price }] } });
      await db.update(invoices).set({ createdAt: new Date(Date.UTC(2026, 0, 1, 9, minute)) }).where(eq(invoices.id, id));
      return id;
    };
    const w = await make("approved", "300.00", 10, 0);
    const x = await make("draft", "100.00", 20, 1);
    const y = await make("pending_approval", "400.00", 5, 2);
    const z = await make("void", "200.00", 30, 3);
    const v = await make("draft", "100.00", 25, 4);
    // Each test file shares one database, so this test reads through its own student's filter.
    const ids = async (input: Record<string, unknown>) => (await listInvoicesForActor(db, team.admin, query({ studentId: team.student.id, ...input }))).items.map((i) => i.id);
    const both = async (sort: string, ascending: string[]) => {
      expect(await ids({ sort, dir: "asc" })).toEqual(ascending);
      expect(await ids({ sort, dir: "desc" })).toEqual([...ascending].reverse());
    };
    expect(await ids({})).toEqual([v, z, y, x, w]);
    await both("created", [w, x, y, z, v]);
    await both("due", [y, w, x, v, z]);
    // Two drafts of 100.00: the id orders the tie the same way on every page.
    await both("total", [...[x, v].sort(), z, w, y]);
    await both("status", [...[x, v].sort(), y, w, z]);
    // A sort the list does not know falls back to newest first, never an error.
    expect(query({ sort: "number", dir: "sideways" })).toMatchObject({ sort: undefined, dir: undefined });
    expect(await ids({ sort: "number", dir: "sideways" })).toEqual([v, z, y, x, w]);
  });

  it("the detail shows items, payments, the timeline and who drafted, approved and recorded; a student sees no internals", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "pending_approval");
    must(await rejectInvoice(db, team.admin, { ...(await invoiceRef(db, id)), reason: "Check the rush fee" }));
    const { id: issued } = await invoiceIn(db, team, "partially_paid");
    const staffView = await getInvoiceDetail(db, team.rep, issued);
    expect(staffView).toMatchObject({
      invoice: { balanceMinor: 6550, overdue: false, number: expect.stringMatching(/^INV-/) },
      draftedByName: "Carla Rep",
      approvedByName: "Ada Admin",
      studentName: "Liam Student",
      assignment: { code: expect.stringMatching(/^ASG-/) },
    });
    expect(staffView.items).toHaveLength(2);
    expect(staffView.payments).toMatchObject([{ amountMinor: 5000, recordedByName: "Ada Admin", provider: "manual" }]);
    expect(staffView.timeline.map((e) => e.toStatus)).toEqual(["draft", "pending_approval", "approved", "partially_paid"]);
    const studentView = await getInvoiceDetail(db, team.student, issued);
    expect(studentView).toMatchObject({ draftedByName: null, approvedByName: null, payments: [{ recordedByName: null }] });
    expect(studentView.timeline.map((e) => e.toStatus)).toEqual(["approved", "partially_paid"]);
    expect((await getInvoiceDetail(db, team.rep, id)).invoice).toMatchObject({ status: "draft", rejectionReason: "Check the rush fee" });
  });

  it("the approval queue lists submitted invoices oldest first, for admins only", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const first = await invoiceIn(db, team, "pending_approval");
    const second = await invoiceIn(db, team, "pending_approval");
    await invoiceIn(db, team, "approved");
    const queue = await listApprovalQueue(db, team.admin);
    const ours = queue.items.filter((i) => i.studentId === team.student.id);
    expect(ours.map((i) => i.id)).toEqual([first.id, second.id]);
    expect(ours[0]).toMatchObject({ draftedByName: "Carla Rep", totalMinor: 11_550 });
    await expect(listApprovalQueue(db, team.rep)).rejects.toMatchObject({ code: "forbidden" });
  });
});
