import { and, count, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "@/db/client";
import { messageAttachments, messages, threadParticipants } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/require-permission";
import { attachmentDisposition, type FileDownload } from "@/lib/assignments/get-file-for-download";
import { readFiles, withStoredFiles } from "@/lib/assignments/files";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { defaultFileStore, type FileStore } from "@/lib/storage";
import { downloadFileName } from "@/lib/storage/sanitize-name";
import { discardStoredFiles } from "@/lib/storage/uploads";
import { attachmentView } from "./message-views";
import { findParticipation, isActiveParticipant, threadIdSchema } from "./policy";
import { MESSAGE_MAX_ATTACHMENTS, type MessageAttachmentView } from "./types";

// Files waiting in a composer: a message takes at most 10, so more than twice that is not a draft.
const MAX_PENDING_PER_THREAD = 2 * MESSAGE_MAX_ATTACHMENTS;

/**
 * One file from the composer, stored at once (so its upload shows progress) and judged like every
 * other upload; it waits for the message that takes it, and is the uploader's alone until then.
 */
export async function uploadAttachment(db: Database, actor: Actor, input: { threadId?: unknown; files?: unknown }, files: FileStore = defaultFileStore()): Promise<ServiceResult<MessageAttachmentView>> {
  requirePermission(actor, "threads:take-part");
  const threadId = String(input.threadId ?? "");
  const participation = await findParticipation(db, actor, threadId);
  if (!participation) return fail("not_found", "Thread not found");
  if (!isActiveParticipant(participation.participant)) return fail("forbidden", "You are no longer part of this thread");
  const read = readFiles(input, files.maxUploadBytes);
  if (!read.ok) return fail("invalid", read.fieldErrors.files?.[0] ?? "Check the file", read.fieldErrors);
  if (read.files.length !== 1) return fail("invalid", "Upload one file at a time", { files: ["Upload one file at a time"] });
  return withStoredFiles(files, read.files, async ([stored]) => {
    if (!stored) throw new Error("stored file missing");
    return db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`attach:${actor.id}:${threadId}`}, 0))`);
      const [pending] = await tx
        .select({ n: count() })
        .from(messageAttachments)
        .where(and(eq(messageAttachments.uploadedBy, actor.id), eq(messageAttachments.threadId, threadId), isNull(messageAttachments.messageId)));
      if ((pending?.n ?? 0) >= MAX_PENDING_PER_THREAD) return fail("conflict", `Send or remove the ${MAX_PENDING_PER_THREAD} files waiting in this thread first`, { files: ["Too many files are waiting to be sent"] });
      const [row] = await tx
        .insert(messageAttachments)
        .values({ threadId, uploadedBy: actor.id, storageKey: stored.storageKey, originalName: stored.originalName, displayName: stored.displayName, sizeBytes: stored.size, mimeType: stored.mimeType })
        .returning();
      if (!row) throw new Error("attachment insert returned nothing");
      return ok(attachmentView(row));
    });
  });
}

const attachmentRefSchema = z.object({ threadId: threadIdSchema, attachmentId: z.uuid() });

/** Removes a file from the composer before it was sent; a sent file goes only with its message. */
export async function removePendingAttachment(db: Database, actor: Actor, input: unknown, files: Pick<FileStore, "storage"> = defaultFileStore()): Promise<ServiceResult<{ removed: true }>> {
  requirePermission(actor, "threads:take-part");
  const parsed = attachmentRefSchema.safeParse(input);
  if (!parsed.success) return fail("not_found", "Attachment not found");
  const { threadId, attachmentId } = parsed.data;
  const [removed] = await db
    .delete(messageAttachments)
    .where(and(eq(messageAttachments.id, attachmentId), eq(messageAttachments.threadId, threadId), eq(messageAttachments.uploadedBy, actor.id), isNull(messageAttachments.messageId)))
    .returning({ storageKey: messageAttachments.storageKey });
  if (!removed) return fail("not_found", "Attachment not found");
  await discardStoredFiles(files.storage, [removed.storageKey]);
  return ok({ removed: true });
}

/**
 * A thread's file for a participant who may see its message (a removed helper: only what was sent
 * while they took part), or the uploader's own pending file. Anything else is not found.
 */
export async function getMessageAttachmentForDownload(db: Executor, actor: Actor, attachmentId: string, files: Pick<FileStore, "storage"> = defaultFileStore()): Promise<ServiceResult<FileDownload>> {
  const notFound = fail("not_found", "File not found");
  if (!can(actor, "threads:take-part") || !z.uuid().safeParse(attachmentId).success) return notFound;
  const [file] = await db
    .select({ attachment: messageAttachments, seq: messages.seq, deletedAt: messages.deletedAt, participant: threadParticipants })
    .from(messageAttachments)
    .leftJoin(messages, eq(messages.id, messageAttachments.messageId))
    .innerJoin(threadParticipants, and(eq(threadParticipants.threadId, messageAttachments.threadId), eq(threadParticipants.userId, actor.id)))
    .where(eq(messageAttachments.id, attachmentId))
    .limit(1);
  if (!file) return notFound;
  const { attachment, seq, deletedAt, participant } = file;
  const visible = attachment.messageId === null ? attachment.uploadedBy === actor.id : deletedAt === null && seq !== null && (participant.leftAtSeq === null || seq <= participant.leftAtSeq);
  if (!visible) return notFound;
  const body = await files.storage.get(attachment.storageKey);
  if (!body) {
    logger.error("stored message attachment is missing", { attachmentId, storage: files.storage.name });
    return notFound;
  }
  const name = downloadFileName(attachment.displayName, attachment.mimeType);
  return ok({ name, mimeType: attachment.mimeType, size: attachment.sizeBytes, contentDisposition: attachmentDisposition(name), body });
}
