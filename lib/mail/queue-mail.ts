import { randomUUID } from "node:crypto";
import type { Executor } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { enqueueInTransaction } from "@/lib/jobs/enqueue";
import { DELIVER_MAIL } from "./deliver-job-name";
import { oneLine } from "./one-line";
import type { OutgoingMail } from "./types";

/**
 * Writes the message to the outbox in the caller's transaction, with the job that delivers it, so a
 * rolled-back change sends nothing and a committed one always has its message. Delivery happens
 * after commit in the job queue: a failing mail server never reaches the caller. Given the database
 * itself rather than a transaction, the row and its job still commit together.
 */
export async function queueMail(tx: Executor, mail: OutgoingMail): Promise<void> {
  await tx.transaction(async (inner) => {
    const id = randomUUID();
    // The job only carries the row's id; if it cannot be added, the sweeper adds it later.
    const jobId = await enqueueInTransaction(inner, DELIVER_MAIL, { outboxId: id });
    await inner.insert(mailOutbox).values({
      id,
      to: oneLine(mail.to),
      userId: mail.userId ?? null,
      kind: oneLine(mail.kind),
      subject: oneLine(mail.subject),
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments ?? [],
      jobId,
    });
  });
}
