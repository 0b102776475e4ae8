import { count, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { assignments, messages, threads } from "@/db/schema";
import type { ServiceResult } from "@/lib/errors";
import { uploadAttachment } from "@/lib/messaging/attachments";
import { sendMessage } from "@/lib/messaging/send-message";
import { startThread } from "@/lib/messaging/start-thread";
import { DEFAULT_UPLOAD_ROOT, type FileStore } from "@/lib/storage";
import { LocalStorageDriver } from "@/lib/storage/local-driver";
import { loadPeople } from "./seed-demo-assignments";

function must<T>(result: ServiceResult<T>): T {
  if (!result.ok) throw new Error(`demo threads: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return result.data;
}

/**
 * A few conversations through the services (Support, an assignment thread with a file, a direct
 * thread between staff), with the unread counts and read positions they would really leave.
 * Runs once: a database that already has messages is left alone.
 */
export async function seedDemoThreads(db: Database, options: { storageRoot?: string } = {}): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(messages);
  if ((existing?.n ?? 0) > 0) return { created: 0 };
  const people = await loadPeople(db);
  if (!people) return { created: 0 };
  const { liam, priya, diego } = people;
  const files: FileStore = { storage: new LocalStorageDriver(options.storageRoot ?? DEFAULT_UPLOAD_ROOT), maxUploadBytes: 25 * 1024 * 1024 };
  const say = async (threadId: string, author: typeof liam, body: string, attachmentIds: string[] = []) =>
    must(await sendMessage(db, author, { threadId, clientMessageId: crypto.randomUUID(), body, attachmentIds }));

  const [support] = await db.select({ id: threads.id }).from(threads).where(eq(threads.supportStudentId, liam.id));
  if (support) {
    await say(support.id, liam, "Hi! Could someone help me with a hypothesis testing worksheet this week? It's due on Thursday.");
    await say(support.id, diego, "Hi Liam, of course. Request it from Assignments → New request and attach the worksheet; I'll match you with a statistics teacher today.");
    await say(support.id, liam, "Done, thanks! It's the one called “Hypothesis testing worksheet”.");
  }

  const [lab] = await db
    .select({ threadId: threads.id })
    .from(threads)
    .innerJoin(assignments, eq(assignments.id, threads.assignmentId))
    .where(eq(assignments.title, "Pendulum lab report"));
  if (lab) {
    await say(lab.threadId, priya, "Hi Liam, I'm writing up the lab report now. Was the timing uncertainty ±0.01 s for every length?");
    const notes = must(await uploadAttachment(db, liam, { threadId: lab.threadId, files: [{ name: "setup-notes.txt", bytes: new TextEncoder().encode("Stopwatch: ±0.01 s\nLengths measured with a metre rule: ±1 mm\n10 swings timed per run\n") }] }, files));
    await say(lab.threadId, liam, "Yes, ±0.01 s throughout. My setup notes are attached.", [notes.id]);
    await say(lab.threadId, priya, "Perfect, that's all I needed. You'll have the report by tomorrow evening.");
  }

  must(await startThread(db, priya, { recipientIds: [diego.id], subject: "Availability next week", body: "Hi Diego, I'm away Monday and Tuesday next week; please don't offer me new exams for those days.", clientMessageId: crypto.randomUUID() }));
  const [sent] = await db.select({ n: count() }).from(messages);
  return { created: sent?.n ?? 0 };
}
