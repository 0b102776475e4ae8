import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { messageAttachments, profiles, users, type Message } from "@/db/schema";
import { downloadFileName } from "@/lib/storage/sanitize-name";
import type { MessageAttachmentView, MessageView, ThreadPerson } from "./types";

export const attachmentUrl = (attachmentId: string) => `/api/files/messages/${attachmentId}`;

export function attachmentView(row: { id: string; displayName: string; sizeBytes: number; mimeType: string }): MessageAttachmentView {
  return { id: row.id, name: downloadFileName(row.displayName, row.mimeType), size: row.sizeBytes, mimeType: row.mimeType, url: attachmentUrl(row.id) };
}

export async function peopleById(db: Executor, ids: readonly string[]): Promise<Map<string, ThreadPerson>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, role: users.role, name: profiles.fullName })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(inArray(users.id, unique));
  return new Map(rows.map((row) => [row.id, row]));
}

/** Messages as clients receive them: author and attachments joined; a deleted one keeps neither body nor files. */
export async function messageViews(db: Executor, rows: readonly Message[]): Promise<MessageView[]> {
  if (rows.length === 0) return [];
  const authors = await peopleById(db, rows.map((row) => row.authorId));
  const files = await db
    .select()
    .from(messageAttachments)
    .where(inArray(messageAttachments.messageId, rows.map((row) => row.id)))
    .orderBy(asc(messageAttachments.createdAt), asc(messageAttachments.id));
  return rows.map((row) => messageView(row, authors.get(row.authorId) ?? { id: row.authorId, name: "Former user", role: "student" }, files.filter((file) => file.messageId === row.id).map(attachmentView)));
}

export function messageView(row: Message, author: ThreadPerson, attachments: MessageAttachmentView[]): MessageView {
  return {
    id: row.id,
    threadId: row.threadId,
    seq: row.seq,
    clientMessageId: row.clientMessageId,
    author,
    body: row.deletedAt ? "" : row.body,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    attachments: row.deletedAt ? [] : attachments,
  };
}
