import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { serverEnv } from "@/lib/env";

/**
 * The local mailbox: with no SMTP relay, the outbox rows are the delivered mail, read at
 * /dev/mailbox. Off unless asked for (MAILBOX_ENABLED=1, set by npm run dev and the e2e server) or
 * in a development server; never when real mail goes out, since it shows everyone's messages.
 */
export function mailboxEnabled(): boolean {
  const env = serverEnv();
  if (env.SMTP_URL) return false;
  return env.MAILBOX_ENABLED === undefined ? env.NODE_ENV === "development" : env.MAILBOX_ENABLED === "1";
}

export const MAILBOX_PAGE_SIZE = 200;

/** Newest first; queued and failed messages too, so a journey sees its mail as soon as the change commits. */
export async function listMailbox(db: Executor) {
  return db
    .select({ id: mailOutbox.id, to: mailOutbox.to, subject: mailOutbox.subject, kind: mailOutbox.kind, status: mailOutbox.status, createdAt: mailOutbox.createdAt })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(MAILBOX_PAGE_SIZE);
}

/** One message, or null for an id that is not one (a hand-typed URL gets the 404 page, not a 500). */
export async function getMailboxMessage(db: Executor, id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  const [message] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return message ?? null;
}
