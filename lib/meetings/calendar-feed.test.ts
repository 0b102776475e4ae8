import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { calendarFeeds, users } from "@/db/schema";
import { appUrl } from "@/lib/mail/app-url";
import { testDb } from "@/test/db";
import { createStudent } from "@/test/fixtures";
import { insertMeeting, meetingTeam } from "@/test/meeting-fixtures";
import { calendarFeedForToken, hasCalendarFeed, regenerateCalendarFeed } from "./calendar-feed";

const DAY = 24 * 3_600_000;
const tokenOf = (url: string) => /\/api\/calendar\/([A-Za-z0-9_-]+)\.ics$/.exec(url)![1]!;
const uids = (ics: string) => [...ics.matchAll(/^UID:(.*)$/gm)].map((match) => match[1]!.replace("@nano-problem", "").trim());

describe("the private calendar feed", () => {
  it("is created on request; a new URL replaces the old one, and only a hash is stored", async () => {
    const db = await testDb();
    const student = await createStudent(db, "Fern Feed");
    expect(await hasCalendarFeed(db, student)).toBe(false);
    const first = await regenerateCalendarFeed(db, student);
    expect(first.url).toMatch(new RegExp(`^${appUrl("/api/calendar/").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[A-Za-z0-9_-]{43}\\.ics$`));
    expect(await hasCalendarFeed(db, student)).toBe(true);
    const [stored] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, student.id));
    expect(stored!.tokenHash).not.toContain(tokenOf(first.url));
    expect(stored!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await calendarFeedForToken(db, tokenOf(first.url))).toContain("BEGIN:VCALENDAR");

    const second = await regenerateCalendarFeed(db, student);
    expect(second.url).not.toBe(first.url);
    expect(await calendarFeedForToken(db, tokenOf(first.url))).toBeNull();
    expect(await calendarFeedForToken(db, tokenOf(second.url))).toContain("BEGIN:VCALENDAR");
  });

  it("lists the owner's meetings only, from 30 days ago on, cancelled ones as CANCELLED", async () => {
    const db = await testDb();
    const team = await meetingTeam(db);
    const now = new Date();
    const upcoming = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: new Date(now.getTime() + DAY), title: "Outline, part 1" });
    const recent = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: new Date(now.getTime() - 10 * DAY), status: "completed" });
    const cancelled = await insertMeeting(db, { organizer: team.rep, invitee: team.student, startsAt: new Date(now.getTime() + 2 * DAY), status: "cancelled", cancellation: { reason: "Ill", byUserId: team.rep.id, at: now } });
    const old = await insertMeeting(db, { organizer: team.teacher, invitee: team.student, startsAt: new Date(now.getTime() - 40 * DAY), status: "completed" });
    const others = await insertMeeting(db, { organizer: team.rep, invitee: team.teacher, startsAt: new Date(now.getTime() + 3 * DAY) });

    // Unfolded (RFC 5545 3.1) so a long URL reads as one line.
    const feed = (await calendarFeedForToken(db, tokenOf((await regenerateCalendarFeed(db, team.student)).url), now))!.replace(/\r\n[ \t]/g, "");
    expect(feed).toMatch(/^METHOD:PUBLISH\r$/m);
    expect(uids(feed)).toEqual([recent, upcoming, cancelled]);
    expect(uids(feed)).not.toContain(old);
    expect(uids(feed)).not.toContain(others);
    const events = feed.split("BEGIN:VEVENT").slice(1);
    expect(events[2]).toContain("STATUS:CANCELLED");
    expect(events[1]).toContain("STATUS:CONFIRMED");
    expect(events[1]).toContain("SUMMARY:Outline\\, part 1");
    expect(events[1]).toContain(appUrl(`/meetings/${upcoming}`));

    const teacherFeed = (await calendarFeedForToken(db, tokenOf((await regenerateCalendarFeed(db, team.teacher)).url), now))!;
    expect(uids(teacherFeed)).toEqual([recent, upcoming, others]);
  });

  it("answers nothing for unknown, malformed or blocked-owner tokens", async () => {
    const db = await testDb();
    const student = await createStudent(db, "Bea Blocked");
    const token = tokenOf((await regenerateCalendarFeed(db, student)).url);
    expect(await calendarFeedForToken(db, randomBytes(32).toString("base64url"))).toBeNull();
    for (const bad of ["", "abc", `${token}x`, `${token.slice(0, 42)}=`, "../../etc/passwd", `${token}.ics`]) expect(await calendarFeedForToken(db, bad)).toBeNull();
    await db.update(users).set({ status: "blocked" }).where(eq(users.id, student.id));
    expect(await calendarFeedForToken(db, token)).toBeNull();
  });
});
