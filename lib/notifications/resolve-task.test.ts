import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications } from "@/db/schema";
import { acceptDelivery } from "@/lib/assignments/accept-delivery";
import { assignTeachers } from "@/lib/assignments/assign-teachers";
import { cancelAssignment } from "@/lib/assignments/cancel-assignment";
import { removeHelper } from "@/lib/assignments/remove-helper";
import { requestRevision } from "@/lib/assignments/request-revision";
import { respondToOffer } from "@/lib/assignments/respond-to-offer";
import { submitDelivery } from "@/lib/assignments/submit-delivery";
import { approveInvoice } from "@/lib/invoices/approve-invoice";
import { recordManualPayment } from "@/lib/invoices/record-manual-payment";
import { rejectInvoice } from "@/lib/invoices/reject-invoice";
import { submitForApproval } from "@/lib/invoices/submit-for-approval";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { assignmentIn, createTeam, must, pdfFile, ref, type Team } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createAdmin, createStaff } from "@/test/fixtures";
import { draftInput, invoiceIn, invoiceRef, manualPayment } from "@/test/invoice-fixtures";
import { draftInvoice } from "@/lib/invoices/draft-invoice";
import { countUnreadNotifications } from "./queries";
import { taskKeys } from "./task-keys";

type Db = Awaited<ReturnType<typeof testDb>>;

/** Each recipient's notifications about one task: whether they are still waiting (unread, unresolved). Staff from earlier tests in this file's database are recipients too. */
async function task(db: Db, taskKey: string) {
  const rows = await db.select().from(notifications).where(eq(notifications.taskKey, taskKey));
  return rows.map((row) => ({ userId: row.userId, open: row.readAt === null && row.resolvedAt === null, resolved: row.resolvedAt !== null }));
}

const openFor = (userIds: string[]) => expect.arrayContaining(userIds.map((userId) => ({ userId, open: true, resolved: false })));
const resolvedFor = (userIds: string[]) => expect.arrayContaining(userIds.map((userId) => ({ userId, open: false, resolved: true })));

async function teamWithTwoOfEach(db: Db): Promise<Team & { admin2: Team["admin"]; rep2: Team["rep"] }> {
  const team = await createTeam(db);
  const admin2 = await createAdmin(db, "Bea Admin");
  const rep2 = await createStaff(db, team.admin, "cs_rep", "Rosa Rep");
  return { ...team, admin2, rep2 };
}

describe("a notification about a task is resolved for every recipient when the task is done", () => {
  it("an invoice waiting for approval: one admin approves, the other admin's notification is read and resolved; another invoice's stays", async () => {
    const db = await testDb();
    const team = await teamWithTwoOfEach(db);
    const first = await invoiceIn(db, team, "pending_approval");
    const other = await invoiceIn(db, team, "pending_approval");
    expect(await task(db, taskKeys.approveInvoice(first.id))).toEqual(openFor([team.admin.id, team.admin2.id]));
    const unreadBefore = await countUnreadNotifications(db, team.admin2);

    must(await approveInvoice(db, team.admin, await invoiceRef(db, first.id)));
    const approval = await task(db, taskKeys.approveInvoice(first.id));
    expect(approval.every((row) => row.resolved)).toBe(true);
    expect(approval).toEqual(resolvedFor([team.admin.id, team.admin2.id]));
    expect(await countUnreadNotifications(db, team.admin2)).toBe(unreadBefore - 1);
    expect(await task(db, taskKeys.approveInvoice(other.id))).toEqual(openFor([team.admin.id, team.admin2.id]));
  });

  it("a rejection also ends the approval, and the drafter's 'sent back' is resolved when they resubmit", async () => {
    const db = await testDb();
    const team = await teamWithTwoOfEach(db);
    const { id, assignmentId } = await invoiceIn(db, team, "pending_approval");
    must(await rejectInvoice(db, team.admin2, { ...(await invoiceRef(db, id)), reason: "Wrong rate" }));
    expect(await task(db, taskKeys.approveInvoice(id))).toEqual(resolvedFor([team.admin.id, team.admin2.id]));
    expect(await task(db, taskKeys.resubmitInvoice(id))).toEqual([{ userId: team.rep.id, open: true, resolved: false }]);

    must(await draftInvoice(db, team.rep, { ...draftInput(assignmentId), ...(await invoiceRef(db, id)) }));
    must(await submitForApproval(db, team.rep, await invoiceRef(db, id)));
    expect(await task(db, taskKeys.resubmitInvoice(id))).toEqual([{ userId: team.rep.id, open: false, resolved: true }]);
    // The resubmission asks the admins again.
    expect(await task(db, taskKeys.approveInvoice(id))).toEqual(openFor([team.admin.id, team.admin2.id]));
  });

  it("a new request waiting for a teacher: one CS rep assigns, every CS rep's notification is resolved; another request's stays", async () => {
    const db = await testDb();
    const team = await teamWithTwoOfEach(db);
    const first = await assignmentIn(db, team, "submitted");
    const other = await assignmentIn(db, team, "submitted");
    const reps = [team.rep.id, team.rep2.id];
    expect(await task(db, taskKeys.assignTeacher(first.id))).toEqual(openFor(reps));

    must(await assignTeachers(db, team.rep2, { ...(await ref(db, first.id)), primaryTeacherId: team.teacher.id, helperIds: [] }));
    expect(await task(db, taskKeys.assignTeacher(first.id))).toEqual(resolvedFor(reps));
    expect(await task(db, taskKeys.assignTeacher(other.id))).toEqual(openFor(reps));
  });

  it("an offer: answering it resolves it; a decline puts the request back before the CS reps until someone assigns it again", async () => {
    const db = await testDb();
    const team = await teamWithTwoOfEach(db);
    const { id } = await assignmentIn(db, team, "assigned");
    expect(await task(db, taskKeys.answerOffer(id, team.teacher.id))).toEqual(openFor([team.teacher.id]));

    must(await respondToOffer(db, team.teacher, { ...(await ref(db, id)), decision: "decline", reason: "Fully booked" }));
    expect(await task(db, taskKeys.answerOffer(id, team.teacher.id))).toEqual(resolvedFor([team.teacher.id]));
    expect(await task(db, taskKeys.assignTeacher(id))).toEqual(openFor([team.rep.id, team.rep2.id]));

    must(await assignTeachers(db, team.rep, { ...(await ref(db, id)), primaryTeacherId: team.helper.id, helperIds: [] }));
    expect((await task(db, taskKeys.assignTeacher(id))).every((row) => row.resolved)).toBe(true);
    must(await respondToOffer(db, team.helper, { ...(await ref(db, id)), decision: "accept" }));
    expect(await task(db, taskKeys.answerOffer(id, team.helper.id))).toEqual(resolvedFor([team.helper.id]));
  });

  it("an offer is resolved when staff give it to another teacher, or take the helper off", async () => {
    const db = await testDb();
    const team = await teamWithTwoOfEach(db);
    const { id } = await assignmentIn(db, team, "in_progress");
    must(await assignTeachers(db, team.rep, { ...(await ref(db, id)), helperIds: [team.helper.id] }));
    expect(await task(db, taskKeys.answerOffer(id, team.helper.id))).toEqual(openFor([team.helper.id]));
    must(await removeHelper(db, team.rep, { ...(await ref(db, id)), teacherId: team.helper.id }));
    expect(await task(db, taskKeys.answerOffer(id, team.helper.id))).toEqual(resolvedFor([team.helper.id]));

    const other = await assignmentIn(db, team, "assigned");
    must(await assignTeachers(db, team.rep, { ...(await ref(db, other.id)), primaryTeacherId: team.helper.id, helperIds: [] }));
    expect(await task(db, taskKeys.answerOffer(other.id, team.teacher.id))).toEqual(resolvedFor([team.teacher.id]));
    expect(await task(db, taskKeys.answerOffer(other.id, team.helper.id))).toEqual(openFor([team.helper.id]));
  });

  it("a delivery to review is resolved by accepting it or asking for a revision; the revision is resolved by the next delivery", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await assignmentIn(db, team, "delivered");
    expect(await task(db, taskKeys.reviewDelivery(id))).toEqual(openFor([team.student.id]));
    must(await requestRevision(db, team.student, { ...(await ref(db, id)), comments: "Expand section 2" }));
    expect(await task(db, taskKeys.reviewDelivery(id))).toEqual(resolvedFor([team.student.id]));
    expect(await task(db, taskKeys.deliverRevision(id))).toEqual(openFor([team.teacher.id]));

    must(await submitDelivery(db, team.teacher, { ...(await ref(db, id)), notes: "Expanded", files: [pdfFile("v2.pdf")] }, team.files));
    expect(await task(db, taskKeys.deliverRevision(id))).toEqual(resolvedFor([team.teacher.id]));
    const reviews = await task(db, taskKeys.reviewDelivery(id));
    expect(reviews.filter((row) => row.open)).toHaveLength(1);
    must(await acceptDelivery(db, team.student, await ref(db, id)));
    expect((await task(db, taskKeys.reviewDelivery(id))).every((row) => row.resolved)).toBe(true);
  });

  it("an invoice to pay is resolved by full payment; a part payment asks for the balance; voiding resolves it", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const paid = await invoiceIn(db, team, "approved");
    const open = (key: string) => task(db, key).then((rows) => rows.filter((row) => row.open));
    expect(await open(taskKeys.payInvoice(paid.id))).toHaveLength(1);
    must(await recordManualPayment(db, team.admin, { ...(await invoiceRef(db, paid.id)), ...manualPayment("50.00") }));
    const afterPart = await task(db, taskKeys.payInvoice(paid.id));
    expect(afterPart.filter((row) => row.resolved)).toHaveLength(1);
    expect(afterPart.filter((row) => row.open)).toHaveLength(1);
    must(await recordManualPayment(db, team.admin, { ...(await invoiceRef(db, paid.id)), ...manualPayment("65.50") }));
    expect(await open(taskKeys.payInvoice(paid.id))).toHaveLength(0);

    const voided = await invoiceIn(db, team, "approved");
    const untouched = await invoiceIn(db, team, "approved");
    must(await voidInvoice(db, team.admin, { ...(await invoiceRef(db, voided.id)), reason: "Issued by mistake" }));
    expect(await task(db, taskKeys.payInvoice(voided.id))).toEqual(resolvedFor([team.student.id]));
    expect(await open(taskKeys.payInvoice(untouched.id))).toHaveLength(1);
  });

  it("cancelling an assignment resolves every task still open on it", async () => {
    const db = await testDb();
    const team = await teamWithTwoOfEach(db);
    const { id } = await assignmentIn(db, team, "assigned");
    must(await cancelAssignment(db, team.rep, { ...(await ref(db, id)), reason: "Student asked by phone" }));
    expect(await task(db, taskKeys.assignTeacher(id))).toEqual(resolvedFor([team.rep.id, team.rep2.id]));
    expect(await task(db, taskKeys.answerOffer(id, team.teacher.id))).toEqual(resolvedFor([team.teacher.id]));
  });

  it("a notification that was already read keeps its read time and is marked resolved", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { id } = await invoiceIn(db, team, "pending_approval");
    const readAt = new Date("2026-01-01T00:00:00Z");
    await db.update(notifications).set({ readAt }).where(and(eq(notifications.userId, team.admin.id), eq(notifications.taskKey, taskKeys.approveInvoice(id))));
    must(await approveInvoice(db, team.admin, await invoiceRef(db, id)));
    const [row] = await db.select().from(notifications).where(and(eq(notifications.userId, team.admin.id), eq(notifications.taskKey, taskKeys.approveInvoice(id))));
    expect(row).toMatchObject({ readAt, resolvedAt: expect.any(Date) });
  });
});
