import { describe, expect, it } from "vitest";
import { respondToMeeting } from "@/lib/meetings/respond-to-meeting";
import { testDb } from "@/test/db";
import { auditsOf } from "@/test/meeting-core-fixtures";
import { insertMeeting, meetingTeam } from "@/test/meeting-fixtures";
import { listAuditLog } from "./queries";
import { auditLogQuerySchema } from "./schemas";

// Changes to another person's data that were not audited before the viewer existed.
describe("audit coverage", () => {
  it("a declined meeting, which calls it off for the organizer too, is audited with the reason, and links to the meeting", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const startsAt = new Date(Date.now() + 72 * 3_600_000);
    const meetingId = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt, title: "Declined one" });
    expect(await respondToMeeting(db, team.student, meetingId, { answer: "decline", reason: "Exams that week" })).toMatchObject({ ok: true });
    expect(await auditsOf(db, meetingId)).toEqual([
      expect.objectContaining({ action: "meeting.declined", actorId: team.student.id, metadata: { reason: "Exams that week", startsAt: startsAt.toISOString() } }),
    ]);
    const page = await listAuditLog(db, team.admin, auditLogQuerySchema.parse({ target: meetingId }));
    expect(page.rows[0]?.target).toEqual({ type: "meeting", id: meetingId, label: "Declined one", href: `/meetings/${meetingId}` });
  });
});
