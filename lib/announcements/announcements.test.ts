import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { announcementDismissals, users } from "@/db/schema";
import type { Database } from "@/db/client";
import { testDb } from "@/test/db";
import { createAnnouncement } from "./create-announcement";
import { dismissAnnouncement } from "./dismiss-announcement";
import { editAnnouncement } from "./edit-announcement";
import { activeBanners, getAnnouncementForAdmin, listAnnouncements, listAnnouncementsForAdmin } from "./queries";
import { announcementRow, announcementTeam, auditOf, baseForm, bellsOf, ids, localIn, personOf, type Team } from "./test-helpers";
import { unpublishAnnouncement } from "./unpublish-announcement";

let db: Database;
let team: Team;

beforeAll(async () => {
  db = await testDb();
  team = await announcementTeam(db);
});

async function publish(form: Record<string, unknown>, now = new Date()) {
  const result = await createAnnouncement(db, team.admin, { ...baseForm, ...form }, now);
  if (!result.ok) throw new Error(`create refused: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return result.data.announcementId;
}

const bannerIds = async (actor: Team["student"], now?: Date) => (await activeBanners(db, actor, now)).map((b) => b.id);

describe("audience resolution", () => {
  it("rings each kind's members once, and shows them the banner", async () => {
    // Each test database is shared by this file, so counts are read per announcement.
    const admins = await db.select({ id: users.id }).from(users).where(eq(users.role, "admin"));
    const everyone = await db.select({ id: users.id }).from(users).where(eq(users.status, "active"));
    const cases = [
      { audience: "students", members: [team.student, team.otherStudent], outsiders: [team.teacher, team.rep, team.admin] },
      { audience: "teachers", members: [team.teacher], outsiders: [team.student, team.rep, team.admin] },
      { audience: "staff", members: [team.rep, team.admin], outsiders: [team.student, team.teacher] },
    ] as const;
    for (const { audience, members, outsiders } of cases) {
      const id = await publish({ audience, title: `For ${audience}` });
      const rang = await bellsOf(db, id);
      if (audience === "staff") expect(rang.sort()).toEqual([...ids([team.rep]), ...admins.map((a) => a.id)].sort());
      else expect(rang.sort()).toEqual(ids([...members]));
      for (const member of members) expect(await bannerIds(member)).toContain(id);
      for (const outsider of outsiders) expect(await bannerIds(outsider)).not.toContain(id);
    }
    const all = await publish({ audience: "everyone", title: "For everyone" });
    expect((await bellsOf(db, all)).sort()).toEqual(everyone.map((u) => u.id).sort());
  });

  it("reaches only the chosen people, named by email or public ID", async () => {
    const chosen = await personOf(db, "teacher", "Chosen Teacher");
    const [profile] = await db.query.profiles.findMany({ where: (p, { eq }) => eq(p.userId, chosen.id) });
    const id = await publish({ audience: "users", recipients: `${team.student.email.toUpperCase()}, ${profile!.publicId}` });
    expect((await bellsOf(db, id)).sort()).toEqual(ids([team.student, chosen]));
    expect(await bannerIds(team.student)).toContain(id);
    expect(await bannerIds(chosen)).toContain(id);
    expect(await bannerIds(team.otherStudent)).not.toContain(id);
    expect(await bannerIds(team.teacher)).not.toContain(id);
    const edit = await getAnnouncementForAdmin(db, team.admin, id);
    expect(edit?.recipients.map((r) => r.name).sort()).toEqual(["Chosen Teacher", "Sam Student"]);
  });

  it("refuses names nobody has, and an empty choice", async () => {
    const unknown = await createAnnouncement(db, team.admin, { ...baseForm, audience: "users", recipients: "nobody@example.test" });
    expect(unknown).toMatchObject({ ok: false, code: "invalid" });
    expect(!unknown.ok && unknown.fieldErrors.recipients?.[0]).toContain("nobody@example.test");
    const empty = await createAnnouncement(db, team.admin, { ...baseForm, audience: "users", recipients: "" });
    expect(!empty.ok && empty.fieldErrors.recipients).toBeTruthy();
  });

  it("rings no blocked person, in a group or chosen", async () => {
    const blocked = await personOf(db, "student", "Blocked Student");
    await db.update(users).set({ status: "blocked" }).where(eq(users.id, blocked.id));
    const group = await publish({ audience: "students" });
    expect(await bellsOf(db, group)).not.toContain(blocked.id);
    const chosen = await publish({ audience: "users", recipients: `${blocked.email}\n${team.student.email}` });
    expect(await bellsOf(db, chosen)).toEqual([team.student.id]);
  });
});

describe("creating and publishing", () => {
  it("records the creation and the publication in the audit log", async () => {
    const id = await publish({ audience: "students", severity: "warning", pinned: "on" });
    const row = await announcementRow(db, id);
    expect(row).toMatchObject({ severity: "warning", pinned: true, editedAt: null, unpublishedAt: null });
    expect(row.publishedAt).not.toBeNull();
    const audit = await auditOf(db, id);
    expect(audit.map((a) => a.action)).toEqual(["announcement.created", "announcement.published"]);
    expect(audit[1]).toMatchObject({ actorId: team.admin.id, metadata: { audience: "students", notified: 2, by: "admin" } });
  });

  it("holds a scheduled announcement back: no bells, no banner, listed for admins as scheduled", async () => {
    const now = new Date();
    const result = await createAnnouncement(db, team.admin, { ...baseForm, audience: "everyone", publish: "later", publishAtLocal: localIn(60, now) }, now);
    expect(result).toMatchObject({ ok: true, data: { published: false, notified: 0 } });
    const id = result.ok ? result.data.announcementId : "";
    expect(await bellsOf(db, id)).toEqual([]);
    expect(await bannerIds(team.student)).not.toContain(id);
    const scheduled = await listAnnouncementsForAdmin(db, team.admin, { state: "scheduled", q: "", page: 1 });
    expect(scheduled.rows.find((r) => r.id === id)).toMatchObject({ state: "scheduled" });
    expect((await auditOf(db, id)).map((a) => a.action)).toEqual(["announcement.created"]);
  });

  it("checks times: a schedule in the past, an expiry before publishing", async () => {
    const now = new Date();
    const past = await createAnnouncement(db, team.admin, { ...baseForm, audience: "everyone", publish: "later", publishAtLocal: localIn(-5, now) }, now);
    expect(!past.ok && past.fieldErrors.publishAtLocal).toBeTruthy();
    const early = await createAnnouncement(db, team.admin, { ...baseForm, audience: "everyone", publish: "later", publishAtLocal: localIn(60, now), expiresAtLocal: localIn(30, now) }, now);
    expect(!early.ok && early.fieldErrors.expiresAtLocal).toBeTruthy();
    const noTitle = await createAnnouncement(db, team.admin, { ...baseForm, title: " ", audience: "everyone" }, now);
    expect(!noTitle.ok && noTitle.fieldErrors.title).toBeTruthy();
  });
});

describe("authorization", () => {
  it("lets only admins write, edit and unpublish", async () => {
    const id = await publish({ audience: "everyone" });
    const { version } = await announcementRow(db, id);
    for (const actor of [team.student, team.teacher, team.rep]) {
      expect(await createAnnouncement(db, actor, { ...baseForm, audience: "everyone" })).toMatchObject({ ok: false, code: "forbidden" });
      expect(await editAnnouncement(db, actor, id, { ...baseForm, version })).toMatchObject({ ok: false, code: "forbidden" });
      expect(await unpublishAnnouncement(db, actor, id, { version })).toMatchObject({ ok: false, code: "forbidden" });
      await expect(listAnnouncementsForAdmin(db, actor, { state: "all", q: "", page: 1 })).rejects.toMatchObject({ code: "forbidden" });
      await expect(getAnnouncementForAdmin(db, actor, id)).rejects.toMatchObject({ code: "forbidden" });
      // Reading their own is every role's.
      expect((await listAnnouncements(db, actor, { q: "", page: 1 })).rows.map((r) => r.id)).toContain(id);
    }
    expect((await announcementRow(db, id)).version).toBe(version);
  });

  it("lets nobody dismiss an announcement that is not theirs", async () => {
    const id = await publish({ audience: "teachers" });
    expect(await dismissAnnouncement(db, team.student, id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await dismissAnnouncement(db, team.student, "not-an-id")).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("dismissal and expiry", () => {
  it("hides a dismissed banner for that person only, once, on the Announcements page still", async () => {
    const id = await publish({ audience: "students" });
    expect(await dismissAnnouncement(db, team.student, id)).toEqual({ ok: true, data: { dismissed: true } });
    expect(await dismissAnnouncement(db, team.student, id)).toEqual({ ok: true, data: { dismissed: false } });
    expect(await bannerIds(team.student)).not.toContain(id);
    expect(await bannerIds(team.otherStudent)).toContain(id);
    expect((await listAnnouncements(db, team.student, { q: "", page: 1 })).rows.map((r) => r.id)).toContain(id);
    expect(await db.select().from(announcementDismissals).where(eq(announcementDismissals.announcementId, id))).toHaveLength(1);
    expect((await auditOf(db, id)).filter((a) => a.action === "announcement.dismissed")).toEqual([expect.objectContaining({ actorId: team.student.id })]);
  });

  it("drops the banner at its expiry and marks it expired on the page", async () => {
    const now = new Date();
    const id = await publish({ audience: "students", expiresAtLocal: localIn(30, now) }, now);
    expect(await bannerIds(team.student, new Date(now.getTime() + 29 * 60_000))).toContain(id);
    const later = new Date(now.getTime() + 31 * 60_000);
    expect(await bannerIds(team.student, later)).not.toContain(id);
    const page = await listAnnouncements(db, team.student, { q: "", page: 1 }, later);
    expect(page.rows.find((r) => r.id === id)).toMatchObject({ expired: true });
  });

  it("puts pinned banners first and renders the body safely", async () => {
    const plain = await publish({ audience: "teachers", title: "Plain", body: "hello <script>alert(1)</script>" });
    const pinned = await publish({ audience: "teachers", title: "Pinned", pinned: "on" });
    const banners = await activeBanners(db, team.teacher);
    expect(banners[0]?.id).toBe(pinned);
    const shown = banners.find((b) => b.id === plain);
    expect(shown?.html).not.toContain("<script");
  });
});

describe("edit and unpublish", () => {
  it("marks a published announcement edited, bumps its version and audits the change", async () => {
    const id = await publish({ audience: "students", title: "Old title" });
    const { version } = await announcementRow(db, id);
    const result = await editAnnouncement(db, team.admin, id, { ...baseForm, title: "New title", version });
    expect(result).toEqual({ ok: true, data: { version: version + 1 } });
    const row = await announcementRow(db, id);
    expect(row.title).toBe("New title");
    expect(row.editedAt).not.toBeNull();
    const edited = (await auditOf(db, id)).find((a) => a.action === "announcement.edited");
    expect(edited).toMatchObject({ actorId: team.admin.id, metadata: { changes: { title: { from: "Old title", to: "New title" } }, published: true } });
    // A form from before the edit is refused.
    expect(await editAnnouncement(db, team.admin, id, { ...baseForm, title: "Stale", version })).toMatchObject({ ok: false, code: "conflict" });
  });

  it("does not mark a scheduled announcement edited, and can move its time", async () => {
    const now = new Date();
    const created = await createAnnouncement(db, team.admin, { ...baseForm, audience: "everyone", publish: "later", publishAtLocal: localIn(60, now) }, now);
    const id = created.ok ? created.data.announcementId : "";
    const result = await editAnnouncement(db, team.admin, id, { ...baseForm, publishAtLocal: localIn(120, now), version: 1 }, now);
    expect(result.ok).toBe(true);
    const row = await announcementRow(db, id);
    expect(row.editedAt).toBeNull();
    expect(row.publishAt.toISOString().slice(0, 16)).toBe(localIn(120, now));
  });

  it("keeps the time of a scheduled one whose time passed before the sweep took it, when the form leaves it as it was", async () => {
    const now = new Date();
    const created = await createAnnouncement(db, team.admin, { ...baseForm, audience: "teachers", publish: "later", publishAtLocal: localIn(5, now) }, now);
    const id = created.ok ? created.data.announcementId : "";
    const later = new Date(now.getTime() + 10 * 60_000);
    expect(await editAnnouncement(db, team.admin, id, { ...baseForm, title: "Retitled", publishAtLocal: localIn(5, now), version: 1 }, later)).toMatchObject({ ok: true });
    const moved = await editAnnouncement(db, team.admin, id, { ...baseForm, publishAtLocal: localIn(6, now), version: 2 }, later);
    expect(!moved.ok && moved.fieldErrors.publishAtLocal).toBeTruthy();
  });

  it("unpublishes: gone from banners and the page, audited, and no further change", async () => {
    const id = await publish({ audience: "students" });
    const { version } = await announcementRow(db, id);
    expect(await unpublishAnnouncement(db, team.admin, id, { version })).toEqual({ ok: true, data: undefined });
    expect(await bannerIds(team.student)).not.toContain(id);
    expect((await listAnnouncements(db, team.student, { q: "", page: 1 })).rows.map((r) => r.id)).not.toContain(id);
    expect((await auditOf(db, id)).at(-1)).toMatchObject({ action: "announcement.unpublished", actorId: team.admin.id, metadata: { wasPublished: true } });
    expect(await unpublishAnnouncement(db, team.admin, id, { version: version + 1 })).toMatchObject({ ok: false, code: "conflict" });
    expect(await editAnnouncement(db, team.admin, id, { ...baseForm, version: version + 1 })).toMatchObject({ ok: false, code: "conflict" });
    const ended = await listAnnouncementsForAdmin(db, team.admin, { state: "ended", q: "", page: 1 });
    expect(ended.rows.find((r) => r.id === id)).toMatchObject({ state: "unpublished" });
  });
});

describe("the Announcements list", () => {
  it("searches and pages", async () => {
    const marker = `zebra${Date.now()}`;
    const id = await publish({ audience: "everyone", title: `The ${marker} notice` });
    const found = await listAnnouncements(db, team.rep, { q: marker.toUpperCase(), page: 1 });
    expect(found.rows.map((r) => r.id)).toEqual([id]);
    expect(found.total).toBe(1);
    const none = await listAnnouncements(db, team.rep, { q: "%", page: 1 });
    expect(none.total).toBe(0);
    const far = await listAnnouncements(db, team.rep, { q: "", page: 500 });
    expect(far.rows).toEqual([]);
  });
});
