import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { authorizeChannel } from "@/lib/realtime/authorize-channel";
import { channels, events } from "@/lib/realtime/channels";
import type { RealtimeEvent } from "@/lib/realtime/publish";
import { testDb } from "@/test/db";
import { createAnnouncement } from "./create-announcement";
import { dismissAnnouncement } from "./dismiss-announcement";
import { editAnnouncement } from "./edit-announcement";
import { publishDueAnnouncements } from "./publish-due";
import { announcementTeam, baseForm, insertPeople, localIn, type Team } from "./test-helpers";
import { unpublishAnnouncement } from "./unpublish-announcement";

const published = vi.hoisted(() => [] as RealtimeEvent[]);
vi.mock("@/lib/realtime/publish", () => ({
  publishAfterCommit: async (batch: readonly RealtimeEvent[]) => void published.push(...batch),
}));

let db: Database;
let team: Team;

beforeAll(async () => {
  db = await testDb();
  team = await announcementTeam(db);
});

beforeEach(() => {
  published.length = 0;
});

const targets = () => published.map((event) => `${event.channel} ${event.name}`).sort();

describe("live updates after commit", () => {
  it("tells a whole role with one event on its channel, however many people it has", async () => {
    await insertPeople(db, "student", 200);
    const result = await createAnnouncement(db, team.admin, { ...baseForm, audience: "students" });
    expect(result.ok && result.data.notified).toBeGreaterThanOrEqual(202);
    expect(targets()).toEqual([`${channels.role("student")} ${events.announcementsChanged}`]);
    expect(published[0]?.data).toMatchObject({ title: baseForm.title, change: "published" });
  });

  it("tells everyone on the four role channels, and staff on the CS rep and admin ones", async () => {
    await createAnnouncement(db, team.admin, { ...baseForm, audience: "everyone" });
    expect(targets()).toEqual(["admin", "cs_rep", "student", "teacher"].map((role) => `${channels.role(role)} ${events.announcementsChanged}`));
    published.length = 0;
    await createAnnouncement(db, team.admin, { ...baseForm, audience: "staff" });
    expect(targets()).toEqual(["admin", "cs_rep"].map((role) => `${channels.role(role)} ${events.announcementsChanged}`));
  });

  it("tells chosen people on their own channels only", async () => {
    await createAnnouncement(db, team.admin, { ...baseForm, audience: "users", recipients: `${team.student.email} ${team.teacher.email}` });
    expect(targets()).toEqual([channels.user(team.student.id), channels.user(team.teacher.id)].map((c) => `${c} ${events.announcementsChanged}`).sort());
  });

  it("publishes nothing for a scheduled one until the sweep sends it, and tells of edits and unpublishing", async () => {
    const now = new Date();
    const created = await createAnnouncement(db, team.admin, { ...baseForm, audience: "teachers", publish: "later", publishAtLocal: localIn(5, now) }, now);
    const id = created.ok ? created.data.announcementId : "";
    expect(published).toEqual([]);
    await publishDueAnnouncements(db, new Date(now.getTime() + 6 * 60_000));
    expect(published.map((e) => [e.channel, e.data.change])).toEqual([[channels.role("teacher"), "published"]]);
    published.length = 0;
    await editAnnouncement(db, team.admin, id, { ...baseForm, title: "Changed", version: 1 });
    await unpublishAnnouncement(db, team.admin, id, { version: 2 });
    expect(published.map((e) => [e.channel, e.data.change])).toEqual([
      [channels.role("teacher"), "edited"],
      [channels.role("teacher"), "unpublished"],
    ]);
  });

  it("a dismissal tells the person's other tabs", async () => {
    const created = await createAnnouncement(db, team.admin, { ...baseForm, audience: "students" });
    published.length = 0;
    await dismissAnnouncement(db, team.student, created.ok ? created.data.announcementId : "");
    expect(targets()).toEqual([`${channels.user(team.student.id)} ${events.announcementsChanged}`]);
  });
});

describe("the role channels", () => {
  it("let in only people of that role", async () => {
    for (const [actor, role] of [
      [team.student, "student"],
      [team.teacher, "teacher"],
      [team.rep, "cs_rep"],
      [team.admin, "admin"],
    ] as const) {
      expect(await authorizeChannel(db, actor, channels.role(role))).toEqual({ allowed: true });
      for (const other of ["student", "teacher", "cs_rep", "admin"].filter((r) => r !== role)) {
        expect(await authorizeChannel(db, actor, channels.role(other))).toEqual({ allowed: false });
      }
    }
    expect(await authorizeChannel(db, team.admin, "private-role-everyone")).toEqual({ allowed: false });
  });
});
