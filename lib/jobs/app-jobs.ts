import { getDb } from "@/db/client";
import { announcementPublishSweep } from "@/lib/announcements/publish-due";
import { serverEnv } from "@/lib/env";
import { createDeliverMailJob } from "@/lib/mail/deliver-mail";
import { sweepUnqueuedMail } from "@/lib/mail/sweep-unqueued-mail";
import { mailTransportFromEnv } from "@/lib/mail/transport";
import { roomAttendanceSweep } from "@/lib/meetings/attendance-sweep";
import { meetingCompletionSweep } from "@/lib/meetings/complete-meetings";
import { meetingReminderJob, sweepUnqueuedReminders } from "@/lib/meetings/reminders";
import { threadReminderSweep } from "@/lib/messaging/unread-reminders";
import { strayFileSweep } from "@/lib/storage/sweep-stray-files";
import { startJobs } from "./runner";

/**
 * Starts the app's job queue and workers in this server process (called from instrumentation.ts).
 * Every background job of the app is listed here: add a module's JobDefinition to `definitions`.
 */
export async function startAppJobs(): Promise<void> {
  const db = getDb();
  await startJobs({
    connectionString: serverEnv().DATABASE_URL,
    definitions: [createDeliverMailJob({ db, transport: mailTransportFromEnv() }), meetingReminderJob(db)],
    recurring: [sweepUnqueuedMail(db), threadReminderSweep(db), sweepUnqueuedReminders(db), meetingCompletionSweep(db), roomAttendanceSweep(db), announcementPublishSweep(db), strayFileSweep(db)],
  });
}
