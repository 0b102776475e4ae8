import type { Executor } from "@/db/client";
import { assignmentFiles } from "@/db/schema";
import type { FieldErrors, ServiceResult } from "@/lib/errors";
import type { FileStore } from "@/lib/storage";
import { checkFiles, discardStoredFiles, incomingFilesSchema, storeFiles, type CheckedFile, type StoredFile } from "@/lib/storage/uploads";

/** The `files` of a service's input, judged by size and content; errors go under `files`. */
export function readFiles(input: unknown, maxBytes: number): { ok: true; files: CheckedFile[] } | { ok: false; fieldErrors: FieldErrors } {
  const shape = incomingFilesSchema.safeParse((input as { files?: unknown } | null)?.files);
  if (!shape.success) return { ok: false, fieldErrors: { files: [...new Set(shape.error.issues.map((issue) => issue.message))] } };
  const checked = checkFiles(shape.data, maxBytes);
  return checked.ok ? checked : { ok: false, fieldErrors: { files: checked.errors } };
}

/**
 * Bytes are stored before the transaction (no row lock is held during slow I/O) and removed
 * again when the change is refused or fails, so a failed request leaves neither rows nor files.
 */
export async function withStoredFiles<T>(files: FileStore, checked: CheckedFile[], run: (stored: StoredFile[]) => Promise<ServiceResult<T>>): Promise<ServiceResult<T>> {
  const stored = await storeFiles(files.storage, checked);
  const keys = stored.map((file) => file.storageKey);
  let result: ServiceResult<T>;
  try {
    result = await run(stored);
  } catch (error) {
    await discardStoredFiles(files.storage, keys);
    throw error;
  }
  if (!result.ok) await discardStoredFiles(files.storage, keys);
  return result;
}

type FileOwner = { assignmentId: string; uploadedBy: string; kind: "brief" | "delivery"; deliveryId?: string };

export async function insertFileRows(tx: Executor, owner: FileOwner, stored: readonly StoredFile[]): Promise<string[]> {
  if (stored.length === 0) return [];
  const rows = await tx
    .insert(assignmentFiles)
    .values(
      stored.map((file) => ({
        assignmentId: owner.assignmentId,
        kind: owner.kind,
        deliveryId: owner.deliveryId ?? null,
        storageKey: file.storageKey,
        originalName: file.originalName,
        displayName: file.displayName,
        sizeBytes: file.size,
        mimeType: file.mimeType,
        uploadedBy: owner.uploadedBy,
      })),
    )
    .returning({ id: assignmentFiles.id });
  return rows.map((row) => row.id);
}
