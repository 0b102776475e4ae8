import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { assignmentFiles, assignments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { defaultFileStore, type FileStore } from "@/lib/storage";
import { downloadFileName } from "@/lib/storage/sanitize-name";
import { assignmentScope } from "./policy";
import { idSchema } from "./schemas";

export type FileDownload = {
  name: string;
  mimeType: string;
  size: number;
  /** Ready for `Content-Disposition`: always attachment, with an ASCII fallback and the UTF-8 name. */
  contentDisposition: string;
  body: ReadableStream<Uint8Array>;
};

export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * A file through the assignment it belongs to: visible only if that assignment is. Another
 * user's file, a malformed id and a missing one all answer not found. The route sends it with
 * `Content-Disposition: attachment` and `X-Content-Type-Options: nosniff`.
 */
export async function getFileForDownload(db: Executor, actor: Actor, fileId: string, files: Pick<FileStore, "storage"> = defaultFileStore()): Promise<ServiceResult<FileDownload>> {
  const notFound = fail("not_found", "File not found");
  if (!idSchema.safeParse(fileId).success) return notFound;
  const [file] = await db
    .select({ storageKey: assignmentFiles.storageKey, name: assignmentFiles.displayName, mimeType: assignmentFiles.mimeType, size: assignmentFiles.sizeBytes })
    .from(assignmentFiles)
    .innerJoin(assignments, eq(assignments.id, assignmentFiles.assignmentId))
    .where(and(eq(assignmentFiles.id, fileId), assignmentScope(actor)))
    .limit(1);
  if (!file) return notFound;
  const body = await files.storage.get(file.storageKey);
  if (!body) {
    logger.error("stored file is missing", { fileId, storage: files.storage.name });
    return notFound;
  }
  // Names stored before the current naming rule (e.g. "solution.js") still download safely.
  const name = downloadFileName(file.name, file.mimeType);
  return ok({ name, mimeType: file.mimeType, size: file.size, contentDisposition: attachmentDisposition(name), body });
}
