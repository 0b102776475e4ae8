import http from "node:http";
import { type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { expect, test } from "../fixtures";
import { demo, registerStudent, signIn } from "../helpers";
import { issueInvoice } from "../invoice-helpers";
import { message, openThreadFromInbox, sendMessage, threadIdOf } from "../thread-helpers";
import { contextOn, control, databaseUrl, instanceA, instanceB, signedInOn, standInRecord } from "./harness";

// STRAY_FILE_GRACE_SECONDS as scripts/e2e-cluster-server.ts sets it.
const STRAY_GRACE_MS = 3_000;

/**
 * Fault drills (issue 15): parts of the running cluster are killed or stopped mid-journey through
 * the harness's control endpoint, and what people and providers see is checked, then that
 * everything serves again without restarting what was not killed. The upload drill needs the
 * instances to run with a short STRAY_FILE_GRACE_SECONDS (a few seconds), so that instance B's
 * sweep at start takes the file its kill left behind.
 */

const OUTAGE_MESSAGE = "The service is briefly unavailable. Try again in a moment.";
// What must never reach a browser or a provider: driver and Node error text, stack frames, hosts.
const RAW_ERROR = /ECONNREFUSED|ECONNRESET|Connection terminated|terminating connection|57P0\d|\bat [\w.<>]+ \(|node_modules|\.ts:\d+|127\.0\.0\.1:\d+|Failed query/;

async function query<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** What the person sees is the app's error page, with nothing of the failure's own text. */
async function expectClearErrorPage(page: Page) {
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
  expect(await page.locator("body").innerText()).not.toMatch(RAW_ERROR);
}

const PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

const cookieHeader = async (context: BrowserContext, origin: string) =>
  (await context.cookies(origin)).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");

test.describe.configure({ mode: "serial" });

test("the real-time server killed mid-conversation: both sides reconnect by themselves and every message shows once, without a reload", async ({ browser }) => {
  test.setTimeout(300_000);
  const student = await registerStudent(browser, "Drill Dora", { confirm: false });
  await openThreadFromInbox(student.page, "Support");
  const opener = `Still there? ${Date.now()}`;
  await sendMessage(student.page, opener);
  const rep = await signedInOn(browser, instanceB(), demo.support, "/support");
  await openThreadFromInbox(rep, "Support", opener.split("? ")[1]);
  await expect(message(rep, opener)).toHaveCount(1);

  await control("realtime/kill");
  const [first, reply, second] = ["Sent while the live server is dead", "Reply while it is dead", "Another while it is dead"] as const;
  try {
    for (const page of [student.page, rep]) await expect(page.getByTestId("connection-state")).not.toHaveAttribute("data-state", "connected");
    // Sends go to the database, which is up: they succeed while nothing can be published.
    await sendMessage(student.page, first);
    await sendMessage(rep, reply);
    await sendMessage(student.page, second);
    for (const text of [first, second]) await expect(message(student.page, text)).toHaveAttribute("data-status", "sent");
    await expect(message(rep, reply)).toHaveAttribute("data-status", "sent");
  } finally {
    await control("realtime/start");
  }
  for (const page of [student.page, rep]) {
    await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected", { timeout: 60_000 });
    for (const text of [opener, first, reply, second]) await expect(message(page, text)).toHaveCount(1);
  }
  // Live again, both ways, and still nothing twice.
  const after = `Back live ${Date.now()}`;
  await sendMessage(rep, after);
  await expect(message(student.page, after)).toHaveCount(1);
  const thanks = `Got it live ${Date.now()}`;
  await sendMessage(student.page, thanks);
  await expect(message(rep, thanks)).toHaveCount(1);
});

test("PostgreSQL restarted under load: requests in flight get a 503 or a clear page, and both instances serve again without a restart", async ({ browser }) => {
  test.setTimeout(300_000);
  const student = await registerStudent(browser, "Drill Dev", { confirm: false });
  await openThreadFromInbox(student.page, "Support");
  const threadId = threadIdOf(student.page);
  const rep = await signedInOn(browser, instanceB(), demo.support, "/support");
  const api = [
    (origin: string) => student.page.request.get(`${origin}/api/notifications/summary`),
    (origin: string) => student.page.request.get(`${origin}/api/threads/${threadId}/messages`),
    (origin: string) => rep.request.get(`${origin}/api/threads/recipients?q=dr`),
    (origin: string) => rep.request.get(`${origin}/api/visitor-sessions`),
    (origin: string) => rep.request.get(`${origin}/api/widget/availability`),
  ];
  for (const call of api) expect((await call(instanceA())).status()).toBe(200);

  // Load on both instances while PostgreSQL goes down: each answer is a success from before the stop or the 503, nothing else.
  let stopping = true;
  const answers: { status: number; body: string }[] = [];
  const load = (async () => {
    for (let round = 0; stopping || round < 2; round++) {
      const batch = await Promise.all([instanceA(), instanceB()].flatMap((origin) => api.map((call) => call(origin))));
      for (const response of batch) answers.push({ status: response.status(), body: await response.text() });
    }
  })();
  try {
    await control("database/stop");
  } finally {
    stopping = false;
  }
  await load;
  expect(answers.length).toBeGreaterThan(api.length * 2);
  for (const answer of answers) {
    expect([200, 503], answer.body).toContain(answer.status);
    expect(answer.body).not.toMatch(RAW_ERROR);
    if (answer.status === 503) expect(JSON.parse(answer.body)).toEqual({ error: OUTAGE_MESSAGE });
  }

  try {
    for (const origin of [instanceA(), instanceB()]) {
      for (const call of api) {
        const response = await call(origin);
        expect(response.status()).toBe(503);
        expect(await response.json()).toEqual({ error: OUTAGE_MESSAGE });
        expect(response.headers()["retry-after"]).toBeTruthy();
      }
      const health = await student.page.request.get(`${origin}/api/health`);
      expect(health.status()).toBe(503);
      expect(await health.json()).toEqual({ status: "unavailable" });
    }
    // A page load through each instance: the app's error page, no stack, no driver text.
    await student.page.goto(`${instanceA()}/messages`);
    await expectClearErrorPage(student.page);
    await rep.goto(`${instanceB()}/support`);
    await expectClearErrorPage(rep);
    // Signing in says the service is unavailable, not that a right password is wrong.
    const visitor = await (await contextOn(browser, instanceA())).newPage();
    await signIn(visitor, student.email, student.password);
    await expect(visitor.getByTestId("form-error")).toHaveText(OUTAGE_MESSAGE);
  } finally {
    await control("database/start");
  }

  // Back without restarting either instance: their pools open new connections by themselves.
  for (const origin of [instanceA(), instanceB()]) {
    await expect(async () => expect((await student.page.request.get(`${origin}/api/health`)).status()).toBe(200)).toPass({ timeout: 30_000 });
    for (const call of api) expect((await call(origin)).status()).toBe(200);
  }
  await openThreadFromInbox(student.page, "Support");
  const after = `After the restart ${Date.now()}`;
  await sendMessage(student.page, after);
  await expect(message(student.page, after)).toHaveAttribute("data-status", "sent");
  await rep.goto(`${instanceB()}/support`);
  await expect(rep.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);
});

/**
 * A composer upload of `size` bytes to the thread on instance B, streamed in 256 KB pieces with a
 * pause between them; `onProgress` hears how many bytes went out. Resolves with the status, or 0
 * when the connection was cut.
 */
function streamUpload(cookie: string, threadId: string, size: number, onProgress: (sent: number) => void): Promise<number> {
  const boundary = `drill${Date.now()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="thesis.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`);
  const tail = Buffer.from(`\n%%EOF\n\r\n--${boundary}--\r\n`);
  const bodyBytes = size - 8 - 7;
  const url = new URL(`${instanceB()}/api/threads/${threadId}/attachments`);
  return new Promise((resolve) => {
    const request = http.request(url, { method: "POST", headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": head.length + bodyBytes + tail.length } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", () => resolve(0));
    let sent = 0;
    const piece = Buffer.alloc(256 * 1024, 0x20);
    request.write(head);
    const next = () => {
      if (request.destroyed) return;
      if (sent >= bodyBytes) return void request.end(tail);
      const chunk = piece.subarray(0, Math.min(piece.length, bodyBytes - sent));
      request.write(chunk);
      sent += chunk.length;
      onProgress(sent);
      setTimeout(next, 50);
    };
    next();
  });
}

test("the app killed during an upload: no half-written rows, and a file stored before the kill is swept", async ({ browser }) => {
  test.setTimeout(300_000);
  const student = await registerStudent(browser, "Drill Uma", { confirm: false });
  await openThreadFromInbox(student.page, "Support");
  const threadId = threadIdOf(student.page);
  const cookie = await cookieHeader(student.context, instanceB());
  const attachmentRows = async () => (await query<{ key: string }>("select storage_key as key from message_attachments where thread_id = $1", [threadId])).map((row) => row.key);
  const storedKeys = async () => new Set((await standInRecord("uploadthing/files")).map((file) => file.customId ?? file.key));
  const before = await storedKeys();

  // 1. Killed while the body is still streaming in: nothing stored, nothing recorded.
  let killing: Promise<void> | undefined;
  const status = await streamUpload(cookie, threadId, 12 * 1024 * 1024, (sent) => {
    if (sent >= 3 * 1024 * 1024 && !killing) killing = control("instance/b/kill");
  });
  await killing;
  expect(status).toBe(0);
  await control("instance/b/start");
  expect(await attachmentRows()).toEqual([]);
  expect([...(await storedKeys())].filter((key) => !before.has(key))).toEqual([]);

  // 2. Killed after the file reached storage and before its row was committed: the row's insert is
  // held behind a table lock, so the kill lands in exactly that gap.
  const locker = new pg.Client({ connectionString: databaseUrl() });
  await locker.connect();
  let strayKey: string | undefined;
  let storedAt = 0;
  try {
    await locker.query("begin");
    await locker.query("lock table message_attachments in exclusive mode");
    const form = new FormData();
    form.append("files", new Blob([PDF], { type: "application/pdf" }), "chapter.pdf");
    const upload = fetch(`${instanceB()}/api/threads/${threadId}/attachments`, { method: "POST", headers: { cookie }, body: form }).then(
      (response) => response.status,
      () => 0,
    );
    await expect.poll(async () => [...(await storedKeys())].filter((key) => !before.has(key)), { timeout: 30_000 }).toHaveLength(1);
    storedAt = Date.now();
    strayKey = [...(await storedKeys())].find((key) => !before.has(key));
    await control("instance/b/kill");
    expect(await upload).toBe(0);
  } finally {
    await locker.query("rollback").catch(() => {});
    await locker.end();
  }
  expect(strayKey).toBeTruthy();
  // The insert waiting behind the lock runs once it is released, but its COMMIT never comes.
  await expect.poll(() => query("select 1 from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%message_attachments%'"), { timeout: 15_000 }).toHaveLength(0);
  expect(await attachmentRows()).toEqual([]);
  expect(await storedKeys()).toContain(strayKey);

  // B sweeps when it starts: the harness runs it with a short STRAY_FILE_GRACE_SECONDS (3 s). On a
  // quick machine B is back within that, when the file is still too young to be called stray.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, storedAt + STRAY_GRACE_MS + 1_000 - Date.now())));
  await control("instance/b/start");
  await expect
    .poll(async () => (await storedKeys()).has(strayKey!), { timeout: 90_000, message: "the stray file is swept (the cluster needs STRAY_FILE_GRACE_SECONDS of a few seconds)" })
    .toBe(false);

  // And uploads work again through the restarted instance, recorded and kept.
  const form = new FormData();
  form.append("files", new Blob([PDF], { type: "application/pdf" }), "after.pdf");
  const response = await fetch(`${instanceB()}/api/threads/${threadId}/attachments`, { method: "POST", headers: { cookie }, body: form });
  expect(response.status).toBe(201);
  expect(await attachmentRows()).toHaveLength(1);
});

test("a Stripe webhook while PostgreSQL is down gets a 5xx, and the provider's retry applies the payment exactly once", async ({ browser }) => {
  test.setTimeout(300_000);
  const { invoiceId, studentEmail } = await issueInvoice(browser, "Drill tutoring", "42.00");
  const student = await signedInOn(browser, instanceA(), studentEmail, "/student");
  await student.goto(`/student/invoices/${invoiceId}`);
  await student.getByRole("button", { name: "Pay with card" }).click();
  await expect(student).toHaveURL(/\/pay\/cs_test_/);
  const hostedPage = new URL(student.url());
  const sessionId = hostedPage.pathname.split("/").at(-1) ?? "";
  const payments = () => query<{ status: string; reference: string }>("select status, provider_reference as reference from payments where invoice_id = $1 and provider = 'stripe'", [invoiceId]);
  expect(await payments()).toEqual([{ status: "pending", reference: sessionId }]);
  const deliveriesBefore = (await standInRecord("stripe/deliveries")).deliveries.length;

  let eventId: string;
  await control("database/stop");
  try {
    // Stripe's page delivers checkout.session.completed to instance B, then sends the student back to A.
    await student.getByRole("button", { name: "Pay" }).click();
    await expect(student).toHaveURL(new RegExp(`/student/invoices/${invoiceId}\\?checkout=success$`));
    await expectClearErrorPage(student);
    const delivered = (await standInRecord("stripe/deliveries")).deliveries.slice(deliveriesBefore);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.status).toBe(503);
    eventId = delivered[0]!.eventId;
  } finally {
    await control("database/start");
  }

  // Stripe retries the same event (signed anew): applied once, then acknowledged as a duplicate.
  const resend = async () => {
    const response = await fetch(`${hostedPage.origin}/resend/${eventId}`, { method: "POST" });
    expect(response.status).toBe(200);
    return ((await response.json()) as { status: number }).status;
  };
  await expect(async () => expect(await resend()).toBe(200)).toPass({ timeout: 30_000 });
  expect(await resend()).toBe(200);
  expect(await payments()).toEqual([{ status: "succeeded", reference: sessionId }]);
  expect(await query("select status from invoices where id = $1", [invoiceId])).toEqual([{ status: "paid" }]);
  expect(await query("select processed_at is not null as processed, failed_attempts from webhook_events where event_id = $1", [eventId])).toEqual([{ processed: true, failed_attempts: 0 }]);

  await student.reload();
  await expect(student.getByTestId("invoice-status")).toHaveText("Paid");
});
