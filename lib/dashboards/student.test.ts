import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listAssignmentsForActor } from "@/lib/assignments/queries";
import { assignmentListQuerySchema } from "@/lib/assignments/schemas";
import { listInvoicesForActor } from "@/lib/invoices/queries";
import { invoiceListQuerySchema } from "@/lib/invoices/schemas";
import { sendMessage } from "@/lib/messaging/send-message";
import { startThread } from "@/lib/messaging/start-thread";
import { assignmentIn, createTeam, must } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStudent } from "@/test/fixtures";
import { invoiceIn } from "@/test/invoice-fixtures";
import { insertMeeting } from "@/test/meeting-fixtures";
import { getStudentDashboard } from "./student";

describe("the student dashboard", () => {
  it("counts only the student's own requests, invoices, meetings and threads, the same rows its links list", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const stranger = await createStudent(db, "Stranger Student");
    const strangers = { ...team, student: stranger };
    const empty = await getStudentDashboard(db, team.student);
    expect(empty).toEqual({ openRequests: 0, deliveriesToReview: 0, unpaidInvoices: 0, unpaidBalances: [], upcomingMeetings: 0, nextMeeting: null, unreadThreads: 0 });

    await assignmentIn(db, team, "submitted");
    await assignmentIn(db, team, "delivered");
    await assignmentIn(db, team, "completed");
    await invoiceIn(db, team, "approved");
    await invoiceIn(db, team, "partially_paid");
    await invoiceIn(db, team, "draft");
    await invoiceIn(db, team, "paid");
    // Another student's rows, in every state the dashboard counts.
    await assignmentIn(db, strangers, "delivered");
    await invoiceIn(db, strangers, "approved");
    const soon = new Date(Date.now() + 3 * 86_400_000);
    await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: new Date(soon.getTime() + 86_400_000), title: "Later" });
    const nextId = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: soon, title: "Outline review" });
    await insertMeeting(db, { organizer: team.teacher, invitee: stranger, startsAt: new Date(Date.now() + 3_600_000), title: "Not theirs" });
    await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: new Date(Date.now() + 7_200_000), status: "cancelled", title: "Called off" });
    must(await startThread(db, team.rep, { recipientIds: [team.student.id], subject: "Hello", body: "Unread", clientMessageId: randomUUID() }));
    const { threadId } = must(await startThread(db, team.rep, { recipientIds: [stranger.id], subject: "Other", body: "Theirs", clientMessageId: randomUUID() }));
    must(await sendMessage(db, team.rep, { threadId, clientMessageId: randomUUID(), body: "Again" }));

    const dashboard = await getStudentDashboard(db, team.student);
    // submitted + delivered + the four in progress under the invoices; completed is not open.
    expect(dashboard.openRequests).toBe(6);
    expect(dashboard.deliveriesToReview).toBe(1);
    expect(dashboard.unpaidInvoices).toBe(2);
    expect(dashboard.unpaidBalances).toEqual([{ currency: "USD", minor: 11_550 + 11_550 - 5_000 }]);
    expect(dashboard.upcomingMeetings).toBe(2);
    expect(dashboard.nextMeeting).toMatchObject({ id: nextId, title: "Outline review", withName: "Priya Primary" });
    expect(dashboard.unreadThreads).toBe(1);

    // Each count is the total of the list it links to.
    expect((await listAssignmentsForActor(db, team.student, assignmentListQuerySchema.parse({ open: "1" }))).total).toBe(dashboard.openRequests);
    expect((await listAssignmentsForActor(db, team.student, assignmentListQuerySchema.parse({ status: "delivered" }))).total).toBe(dashboard.deliveriesToReview);
    expect((await listInvoicesForActor(db, team.student, invoiceListQuerySchema.parse({ unpaid: "1" }))).total).toBe(dashboard.unpaidInvoices);
  });

  it("is refused to every other role", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    for (const actor of [team.teacher, team.rep, team.admin]) await expect(getStudentDashboard(db, actor)).rejects.toMatchObject({ code: "forbidden" });
  });
});
