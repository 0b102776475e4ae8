import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { testDb } from "@/test/db";
import { createAnnouncement } from "./create-announcement";
import { publishDueAnnouncements } from "./publish-due";
import { unpublishAnnouncement } from "./unpublish-announcement";
import { announcementRow, announcementTeam, auditOf, baseForm, bellsOf, localIn, type Team } from "./test-helpers";

let db: Database;
let team: Team;

beforeAll(async () => {
  db = await testDb();
  team = await announcementTeam(db);
});

async function schedule(now: Date, minutes: number, extra: Record<string, unknown> = {}) {
  const result = await createAnnouncement(db, team.admin, { ...baseForm, audience: "students", publish: "later", publishAtLocal: localIn(minutes, now), ...extra }, now);
  if (!result.ok) throw new Error(result.message);
  return result.data.announcementId;
}

describe("the scheduled publish sweep", () => {
  it("publishes a due announcement once, even with two app instances sweeping at the same moment", async () => {
    const now = new Date();
    const due = [await schedule(now, 5), await schedule(now, 6), await schedule(now, 7)];
    const notYet = await schedule(now, 60);
    const at = new Date(now.getTime() + 10 * 60_000);

    // Each sweep's transactions hold their own pooled connection, as two app instances would.
    const [a, b] = await Promise.all([publishDueAnnouncements(db, at), publishDueAnnouncements(db, at)]);
    expect([...a.published, ...b.published].sort()).toEqual([...due].sort());

    for (const id of due) {
      expect((await bellsOf(db, id)).sort()).toEqual([team.student.id, team.otherStudent.id].sort());
      const published = (await auditOf(db, id)).filter((row) => row.action === "announcement.published");
      expect(published).toEqual([expect.objectContaining({ actorId: null, metadata: expect.objectContaining({ by: "schedule", notified: 2 }) })]);
      expect((await announcementRow(db, id)).publishedAt).toEqual(at);
    }
    expect((await announcementRow(db, notYet)).publishedAt).toBeNull();
    expect(await bellsOf(db, notYet)).toEqual([]);

    // Later sweeps find nothing more to do.
    expect((await publishDueAnnouncements(db, new Date(at.getTime() + 60_000))).published).toEqual([]);
  });

  it("many concurrent sweeps over many due rows still publish each once", async () => {
    const now = new Date();
    const due = await Promise.all(Array.from({ length: 12 }, (_, i) => schedule(now, 1 + i)));
    const at = new Date(now.getTime() + 30 * 60_000);
    const runs = await Promise.all(Array.from({ length: 4 }, () => publishDueAnnouncements(db, at)));
    const all = runs.flatMap((run) => run.published);
    expect(all.sort()).toEqual([...due].sort());
    for (const id of due) expect(await bellsOf(db, id)).toHaveLength(2);
  });

  it("skips unpublished and already expired scheduled announcements", async () => {
    const now = new Date();
    const expiring = await schedule(now, 5, { expiresAtLocal: localIn(8, now) });
    const withdrawn = await schedule(now, 5);
    expect((await unpublishAnnouncement(db, team.admin, withdrawn, { version: 1 })).ok).toBe(true);
    const at = new Date(now.getTime() + 10 * 60_000);
    const { published } = await publishDueAnnouncements(db, at);
    expect(published).not.toContain(expiring);
    expect(published).not.toContain(withdrawn);
    expect(await bellsOf(db, expiring)).toEqual([]);
    expect(await bellsOf(db, withdrawn)).toEqual([]);
    expect((await announcementRow(db, withdrawn)).publishedAt).toBeNull();
  });
});
