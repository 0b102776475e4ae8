import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import pg from "pg";
import { chromiumExecutablePath } from "./chromium";
import { DEMO_PASSWORD, demo } from "./helpers";
import { signInAndLand } from "./signed-in";
import { e2eServer } from "./visitor-helpers";

/**
 * The meeting room end to end: two real Chromium peers with fake camera and microphone, signaled
 * over the app's Pusher presence channel. The meeting is inserted straight into the database,
 * starting now (scheduling itself, with its minimum notice, is another journey's subject).
 */

type RoomMeeting = { id: string; names: Record<"support" | "student", string> };

async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const { databaseUrl } = e2eServer();
  if (!databaseUrl) throw new Error("no e2e server database: run through the e2e server (.test-results/e2e-server.json)");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A meeting between the demo CS rep (organizer) and the demo student, both accepted, from `startsInMinutes`. */
async function insertMeeting(title: string, startsInMinutes: number, minutes: number): Promise<RoomMeeting> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string; email: string; name: string }>(
      "select u.id, u.email, p.full_name as name from users u join profiles p on p.user_id = u.id where u.email = any($1)",
      [[demo.support, demo.student]],
    );
    const support = rows.find((row) => row.email === demo.support)!;
    const student = rows.find((row) => row.email === demo.student)!;
    // A rerun against the same database: the earlier room checks stop holding these people's time.
    await client.query("update meeting_participants set holds_time = false where user_id = any($1) and meeting_id in (select id from meetings where title like 'Room check%')", [[support.id, student.id]]);
    const startsAt = new Date(Date.now() + startsInMinutes * 60_000);
    const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
    const during = `[${startsAt.toISOString()},${endsAt.toISOString()})`;
    const meeting = await client.query<{ id: string }>("insert into meetings (organizer_id, title, starts_at, ends_at, time_zone) values ($1, $2, $3, $4, 'UTC') returning id", [support.id, title, startsAt, endsAt]);
    const id = meeting.rows[0]!.id;
    await client.query(
      "insert into meeting_participants (meeting_id, user_id, role, response, responded_at, during, holds_time) values ($1, $2, 'organizer', 'accepted', now(), $4, true), ($1, $3, 'invitee', 'accepted', now(), $4, true)",
      [id, support.id, student.id, during],
    );
    return { id, names: { support: support.name, student: student.name } };
  });
}

// Every RTCPeerConnection the page makes, so the test can read getStats() as a user's browser would.
function capturePeerConnections() {
  const Native = window.RTCPeerConnection;
  const made: RTCPeerConnection[] = [];
  (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections = made;
  window.RTCPeerConnection = class extends Native {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args);
      made.push(this);
    }
  };
}

async function videoBytesReceived(page: Page): Promise<number> {
  return page.evaluate(async () => {
    // The newest connection: a rejoin replaces the earlier one.
    const pc = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections.at(-1);
    if (!pc || pc.connectionState === "closed") return 0;
    let bytes = 0;
    (await pc.getStats()).forEach((stat: { type: string; kind?: string; bytesReceived?: number }) => {
      if (stat.type === "inbound-rtp" && stat.kind === "video") bytes += stat.bytesReceived ?? 0;
    });
    return bytes;
  });
}

/** The other person's video plays (frames decoded) and the bytes received keep growing. */
async function expectRemoteVideo(page: Page, otherName: string) {
  const video = page.getByLabel(`${otherName}'s video`);
  await expect(video).toBeVisible();
  await expect
    .poll(() => video.evaluate((element: HTMLVideoElement) => element.videoWidth > 0 && !element.paused && element.readyState >= 2), { timeout: 60_000 })
    .toBe(true);
  const before = await videoBytesReceived(page);
  await expect.poll(() => videoBytesReceived(page), { timeout: 20_000 }).toBeGreaterThan(before + 10_000);
}

async function openRoom(browser: Browser, baseURL: string, email: string, home: string, meetingId: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, permissions: ["camera", "microphone"] });
  await context.addInitScript(capturePeerConnections);
  const page = await context.newPage();
  await signInAndLand(page, email, home);
  await page.goto(`/meetings/${meetingId}/room`);
  await expect(page.getByRole("button", { name: "Join" })).toBeEnabled({ timeout: 60_000 });
  return { context, page };
}

test("two participants meet in the room: video both ways, mute shown, leave and rejoin; outsiders get 404 and 403", async ({ baseURL }) => {
  // Three sign-ins, two browsers with live video and four calls set up, on a 2-core machine beside another worker.
  test.setTimeout(480_000);
  const meeting = await insertMeeting("Room check: weekly call", -1, 60);
  // A browser of our own: fake camera and microphone, no permission prompt, sound may autoplay.
  const media = await chromium.launch({
    executablePath: chromiumExecutablePath,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-quic", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--autoplay-policy=no-user-gesture-required"],
  });
  try {
    const staff = await openRoom(media, baseURL!, demo.support, "/support", meeting.id);
    const student = await openRoom(media, baseURL!, demo.student, "/student", meeting.id);
    await expect(staff.page.getByLabel("Your video")).toBeVisible();
    await expect(staff.page.getByLabel("Camera")).toBeVisible();
    await expect(staff.page.getByLabel("Microphone")).toBeVisible();

    await staff.page.getByRole("button", { name: "Join" }).click();
    await expect(staff.page.getByText(`Waiting for ${meeting.names.student} to join…`)).toBeVisible();
    await student.page.getByRole("button", { name: "Join" }).click();
    await expectRemoteVideo(staff.page, meeting.names.student);
    await expectRemoteVideo(student.page, meeting.names.support);

    await student.page.getByRole("button", { name: "Mute microphone" }).click();
    await expect(staff.page.getByText(`${meeting.names.student} is muted`)).toBeVisible({ timeout: 10_000 });
    await student.page.getByRole("button", { name: "Unmute microphone" }).click();
    await expect(staff.page.getByText(`${meeting.names.student} is muted`)).toHaveCount(0, { timeout: 10_000 });

    // One leaves: the other is told at once, and video flows again when they rejoin.
    await student.page.getByRole("button", { name: "Leave" }).click();
    await expect(staff.page.getByText(`Waiting for ${meeting.names.student} to join…`)).toBeVisible({ timeout: 10_000 });
    await student.page.getByRole("button", { name: "Join" }).click();
    await expectRemoteVideo(staff.page, meeting.names.student);
    await expectRemoteVideo(student.page, meeting.names.support);

    // A reload is a fresh peer: Join again and the call comes back.
    await student.page.reload();
    await student.page.getByRole("button", { name: "Join" }).click({ timeout: 60_000 });
    // The reloaded side first: until its new connection is up, the other may still show the old one.
    await expectRemoteVideo(student.page, meeting.names.support);
    await expectRemoteVideo(staff.page, meeting.names.student);

    // Attendance: each join and leave reached the server (POST /api/meetings/{id}/attendance).
    await expect
      .poll(() => withDatabase(async (client) => (await client.query("select count(*)::int as n from meeting_attendance where meeting_id = $1", [meeting.id])).rows[0].n as number), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(3);

    // Anyone else: the room is a 404 and its channel is refused.
    const outsider = await media.newContext({ baseURL });
    const outsiderPage = await outsider.newPage();
    await signInAndLand(outsiderPage, demo.teacher, "/teacher");
    const response = await outsiderPage.goto(`/meetings/${meeting.id}/room`);
    expect(response?.status()).toBe(404);
    const auth = await outsiderPage.evaluate(async (channel) => {
      const answer = await fetch("/api/pusher/auth", { method: "POST", body: new URLSearchParams({ socket_id: "123.456", channel_name: channel }) });
      return answer.status;
    }, `presence-meeting-${meeting.id}`);
    expect(auth).toBe(403);
    // A participant's own auth for it succeeds, for contrast.
    const own = await staff.page.evaluate(async (channel) => {
      const answer = await fetch("/api/pusher/auth", { method: "POST", body: new URLSearchParams({ socket_id: "123.456", channel_name: channel }) });
      return answer.status;
    }, `presence-meeting-${meeting.id}`);
    expect(own).toBe(200);

    await staff.page.getByRole("button", { name: "Leave" }).click();
    await student.page.getByRole("button", { name: "Leave" }).click();
    await Promise.all([staff.context.close(), student.context.close(), outsider.close()]);
  } finally {
    await media.close();
  }
});

test("before it opens, the room says when it will, and links back to the meeting", async ({ page }) => {
  const later = await insertMeeting("Room check: later today", 180, 30);
  await signInAndLand(page, demo.student, "/student", DEMO_PASSWORD);
  await page.goto(`/meetings/${later.id}/room`);
  await expect(page.getByTestId("room-closed")).toContainText("Opens at");
  await expect(page.getByRole("link", { name: "Back to the meeting" })).toHaveAttribute("href", `/meetings/${later.id}`);
  await expect(page.getByRole("button", { name: "Join" })).toHaveCount(0);
});
