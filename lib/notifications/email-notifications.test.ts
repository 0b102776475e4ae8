import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailOutbox, notifications, type MailOutboxRow } from "@/db/schema";
import { assignmentIn, createTeam } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStudent } from "@/test/fixtures";
import { invoiceIn } from "@/test/invoice-fixtures";
import { emailKindsForRole } from "./email-kinds";
import { queueNotificationEmail } from "./email-notifications";
import { listEmailPreferences, readUnsubscribeLink, unsubscribeByLink, updateEmailPreferences } from "./email-preferences";
import { readUnsubscribeToken, unsubscribeToken } from "./email-unsubscribe-token";
import { notify } from "./notify";

async function notificationMailsTo(email: string): Promise<MailOutboxRow[]> {
  const db = await testDb();
  return db.select().from(mailOutbox).where(and(eq(mailOutbox.to, email), like(mailOutbox.kind, "notification:%")));
}

const unsubscribeLinkIn = (text: string) => /Unsubscribe from these emails: https:\/\/portal\.example\.test\/unsubscribe\?token=(\S+)/.exec(text)?.[1];

describe("notification emails", () => {
  it("emails the student a delivery to review, linking into the app from APP_URL, with a way out in the footer", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    const { code } = await assignmentIn(db, team, "delivered");
    const mails = await notificationMailsTo(team.student.email);
    const delivery = mails.find((mail) => mail.kind === "notification:delivery_to_review");
    expect(delivery).toMatchObject({ userId: team.student.id, subject: `${code} was delivered (version 1)` });
    const [row] = await db.select().from(notifications).where(and(eq(notifications.userId, team.student.id), eq(notifications.type, "assignment.delivered")));
    expect(delivery!.text).toContain(`Review the delivery: https://portal.example.test/notifications/${row!.id}/open`);
    expect(delivery!.text).toContain("Accept it or ask for a revision.");
    expect(delivery!.text).toContain("Change which emails you get: https://portal.example.test/profile#email-notifications");
    expect(readUnsubscribeToken(decodeURIComponent(unsubscribeLinkIn(delivery!.text)!))).toEqual({ userId: team.student.id, kind: "delivery_to_review" });
    // The teacher's offer went out by email too; notifications that are not emailed (assigned, accepted) did not.
    expect((await notificationMailsTo(team.teacher.email)).map((mail) => mail.kind)).toEqual(["notification:offer_to_answer"]);
    expect(mails.map((mail) => mail.kind)).toEqual(["notification:delivery_to_review"]);
  });

  it("emails an issued invoice and a payment received", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    await invoiceIn(db, team, "partially_paid");
    const kinds = (await notificationMailsTo(team.student.email)).map((mail) => mail.kind).sort();
    expect(kinds).toEqual(["notification:invoice_issued", "notification:payment_received"]);
  });

  it("sends nothing of a kind the person turned off, and keeps the in-app notification", async () => {
    const db = await testDb();
    const team = await createTeam(db);
    expect(await updateEmailPreferences(db, team.student, { email: ["invoice_issued", "payment_received", "thread_message", "meeting_invitation"] })).toEqual({ ok: true, data: { enabled: ["invoice_issued", "payment_received", "thread_message", "meeting_invitation"] } });
    expect(await listEmailPreferences(db, team.student)).toEqual(emailKindsForRole("student").map((kind) => expect.objectContaining({ kind, enabled: kind !== "delivery_to_review" })));
    await assignmentIn(db, team, "delivered");
    expect(await notificationMailsTo(team.student.email)).toHaveLength(0);
    expect(await db.select().from(notifications).where(and(eq(notifications.userId, team.student.id), eq(notifications.type, "assignment.delivered")))).toHaveLength(1);
  });

  it("writes the email in the change's transaction: a rolled-back change sends nothing", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    await expect(
      db.transaction(async (tx) => {
        await notify(tx, [student.id], { type: "assignment.delivered", title: "ASG-1 was delivered", link: "/student/assignments/x" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await notificationMailsTo(student.email)).toHaveLength(0);
  });

  it("gives later modules a hook that respects preferences and role, with a same-site link only", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    const queued = await db.transaction((tx) => queueNotificationEmail(tx, { userId: student.id, kind: "thread_message", title: "New message from Priya", body: "About your essay", link: "//evil.example/x" }));
    expect(queued).toBe(true);
    const [mail] = await notificationMailsTo(student.email);
    expect(mail!.text).not.toContain("evil.example");
    const hostile = `<img src=x onerror=alert(1)> "quoted"`;
    await db.transaction((tx) => queueNotificationEmail(tx, { userId: student.id, kind: "meeting_invitation", title: `Meeting: ${hostile}`, body: hostile, link: "/student" }));
    const meeting = (await notificationMailsTo(student.email)).find((row) => row.kind === "notification:meeting_invitation");
    expect(meeting!.html).not.toContain("<img");
    expect(meeting!.html).toContain("&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot;");
    expect(meeting!.text).toContain(hostile);
    expect(await db.transaction((tx) => queueNotificationEmail(tx, { userId: student.id, kind: "offer_to_answer", title: "Offer" }))).toBe(false);
  });

  it("refuses preferences for kinds the role cannot get, or that do not exist, and saves nothing", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    for (const email of [["offer_to_answer"], ["everything"], [{ kind: "x" }]]) {
      expect(await updateEmailPreferences(db, student, { email })).toMatchObject({ ok: false, code: "invalid" });
    }
    expect((await listEmailPreferences(db, student)).every((preference) => preference.enabled)).toBe(true);
    // Nothing ticked: every kind off.
    expect(await updateEmailPreferences(db, student, {})).toEqual({ ok: true, data: { enabled: [] } });
    expect((await listEmailPreferences(db, student)).some((preference) => preference.enabled)).toBe(false);
  });
});

describe("the unsubscribe link", () => {
  it("turns off only its own kind for its own person, and opening it changes nothing", async () => {
    const db = await testDb();
    const student = await createStudent(db);
    const token = unsubscribeToken(student.id, "invoice_issued");
    expect(await readUnsubscribeLink(db, token)).toEqual({ kind: "invoice_issued", label: "An invoice issued", email: student.email });
    expect((await listEmailPreferences(db, student)).find((p) => p.kind === "invoice_issued")?.enabled).toBe(true);
    expect((await unsubscribeByLink(db, token)).ok).toBe(true);
    const after = await listEmailPreferences(db, student);
    expect(after.filter((p) => !p.enabled).map((p) => p.kind)).toEqual(["invoice_issued"]);
  });

  it("cannot be forged for another person or kind, nor with a damaged signature", async () => {
    const db = await testDb();
    const [victim, attacker] = [await createStudent(db), await createStudent(db)];
    const own = unsubscribeToken(attacker.id, "invoice_issued");
    const [, , mac] = own.split(".");
    const forged = [
      `${victim.id}.invoice_issued.${mac}`,
      `${attacker.id}.payment_received.${mac}`,
      `${attacker.id}.invoice_issued.${mac!.slice(0, -2)}AA`,
      `${attacker.id}.invoice_issued`,
      `${own}.extra`,
      "",
      42,
    ];
    for (const token of forged) {
      expect(readUnsubscribeToken(token)).toBeNull();
      expect(await unsubscribeByLink(db, token)).toMatchObject({ ok: false, code: "not_found" });
    }
    expect((await listEmailPreferences(db, victim)).every((p) => p.enabled)).toBe(true);
  });
});
