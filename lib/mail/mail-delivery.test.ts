import { eq } from "drizzle-orm";
import type pg from "pg";
import { PgBoss } from "pg-boss";
import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { mailOutbox, type MailOutboxRow } from "@/db/schema";
import { startJobs, stopJobs } from "@/lib/jobs/runner";
import { testDb } from "@/test/db";
import { DELIVER_MAIL } from "./deliver-job-name";
import { createDeliverMailJob } from "./deliver-mail";
import { queueMail } from "./queue-mail";
import { sweepUnqueuedMail } from "./sweep-unqueued-mail";
import type { MailTransport } from "./transport";
import type { OutgoingMail } from "./types";

// Short delays so retries with backoff happen within a test; the app's are in DELIVER_MAIL_QUEUE.
const QUICK = { retryLimit: 3, retryDelay: 1, retryBackoff: true, retryDelayMax: 2, expireInSeconds: 2 };

function urlOf(db: Database): string {
  return (db as unknown as { $client: pg.Pool }).$client.options.connectionString!;
}

function mail(to: string, subject = "Reset your password"): OutgoingMail {
  return { to, kind: "password_reset", subject, text: "Open the link", html: "<p>Open the link</p>" };
}

/** A transport that fails its first `failures` sends, and records the ids it really delivered. */
function flakyTransport(failures: number) {
  const delivered: string[] = [];
  let calls = 0;
  const transport: MailTransport = {
    name: "mailbox",
    async send(message: MailOutboxRow) {
      calls++;
      if (calls <= failures) throw new Error(`relay unavailable (${calls})`);
      delivered.push(message.id);
      return { messageId: `<${message.id}@test>` };
    },
  };
  return { transport, delivered, calls: () => calls };
}

async function startWorker(db: Database, transport: MailTransport, work = true) {
  return startJobs({ connectionString: urlOf(db), definitions: [createDeliverMailJob({ db, transport, queue: QUICK })], work, pollingIntervalSeconds: 0.5 });
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function outboxTo(db: Database, to: string) {
  return db.select().from(mailOutbox).where(eq(mailOutbox.to, to));
}

afterEach(async () => {
  await stopJobs({ timeoutMs: 2000 });
});

describe("mail outbox and delivery", () => {
  it("writes the message in the caller's transaction: rolled back, nothing is queued or sent", async () => {
    const db = await testDb();
    const { transport, calls } = flakyTransport(0);
    await startWorker(db, transport);
    await expect(
      db.transaction(async (tx) => {
        await queueMail(tx, mail("rolled.back@example.test"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await db.transaction(async (tx) => queueMail(tx, mail("committed@example.test", "Your code\r\nBcc: attacker@evil.test")));
    const sent = await until(() => outboxTo(db, "committed@example.test"), (rows) => rows[0]?.status === "sent");
    // Stored on one line: no header can be smuggled in through a subject.
    expect(sent[0]).toMatchObject({ status: "sent", attempts: 1, subject: "Your code Bcc: attacker@evil.test" });
    expect(await outboxTo(db, "rolled.back@example.test")).toEqual([]);
    expect(calls()).toBe(1);
  });

  it("retries a failing relay with backoff and delivers exactly once, even when the job runs twice", async () => {
    const db = await testDb();
    const flaky = flakyTransport(2);
    const boss = await startWorker(db, flaky.transport);
    await queueMail(db, mail("flaky@example.test"));
    const [row] = await until(() => outboxTo(db, "flaky@example.test"), (rows) => rows[0]?.status === "sent");
    expect(row).toMatchObject({ status: "sent", attempts: 3, lastError: null, messageId: `<${row!.id}@test>` });
    expect(flaky.calls()).toBe(3);

    // A second job for the same message (a sweeper racing the first) finds it sent and sends nothing.
    await boss.send(DELIVER_MAIL, { outboxId: row!.id });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(flaky.delivered).toEqual([row!.id]);
  });

  it("never fails the caller: a relay that is always down leaves the message kept and marked failed", async () => {
    const db = await testDb();
    await startWorker(db, flakyTransport(Number.POSITIVE_INFINITY).transport);
    await expect(db.transaction(async (tx) => queueMail(tx, mail("down@example.test")))).resolves.toBeUndefined();
    const [row] = await until(() => outboxTo(db, "down@example.test"), (rows) => rows[0]?.status === "failed", 30_000);
    expect(row).toMatchObject({ status: "failed", attempts: QUICK.retryLimit + 1, subject: "Reset your password" });
    expect(row!.lastError).toMatch(/relay unavailable/);
  }, 40_000);

  it("retries the job of a worker that died mid-delivery", async () => {
    const db = await testDb();
    const flaky = flakyTransport(0);
    await startWorker(db, flaky.transport, false);
    await queueMail(db, mail("crashed@example.test"));
    // Another worker claims the job and dies before finishing it.
    const crashed = new PgBoss({ connectionString: urlOf(db), max: 2, supervise: false, schedule: false });
    crashed.on("error", () => {});
    await crashed.start();
    const [claimed] = await crashed.fetch<{ outboxId: string }>(DELIVER_MAIL);
    expect(claimed).toBeDefined();
    await crashed.stop({ graceful: false });
    await stopJobs();

    const boss = await startWorker(db, flaky.transport);
    await new Promise((resolve) => setTimeout(resolve, (QUICK.expireInSeconds + 1) * 1000));
    // The monitor pass that notices the expired claim (pg-boss runs it on a timer; here, now).
    await boss.supervise(DELIVER_MAIL);
    const [row] = await until(() => outboxTo(db, "crashed@example.test"), (rows) => rows[0]?.status === "sent");
    expect(row?.status).toBe("sent");
    expect(flaky.delivered).toEqual([claimed!.data.outboxId]);
  });

  it("queues a message even where the job queue is not running, and the sweeper delivers it", async () => {
    const db = await testDb();
    await expect(queueMail(db, mail("script@example.test"))).resolves.toBeUndefined();
    const [waiting] = await outboxTo(db, "script@example.test");
    expect(waiting).toMatchObject({ status: "queued", jobId: null });

    const flaky = flakyTransport(0);
    await startWorker(db, flaky.transport);
    await sweepUnqueuedMail(db, { olderThanSeconds: 0 }).run();
    const [row] = await until(() => outboxTo(db, "script@example.test"), (rows) => rows[0]?.status === "sent");
    expect(row?.status).toBe("sent");
    expect(flaky.delivered).toEqual([waiting!.id]);
  });
});
