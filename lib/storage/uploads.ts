import { z } from "zod";
import { logger } from "@/lib/log/logger";
import { newStorageKey, type StorageDriver } from "./driver";
import { sniffFileType } from "./file-type";
import { cleanFileName, originalFileName, sanitizeDisplayName } from "./sanitize-name";

export const MAX_FILES_PER_UPLOAD = 10;

// A brief grows one upload at a time until a teacher accepts; these cap it as a whole.
export const MAX_BRIEF_FILES_PER_ASSIGNMENT = 30;
export const MAX_BRIEF_BYTES_PER_ASSIGNMENT = 250 * 1024 * 1024;

/** Files as services receive them; the route layer turns browser `File`s into these. */
export type IncomingFile = { name: string; type?: string; bytes: Uint8Array };

export const incomingFilesSchema = z
  .array(z.object({ name: z.string(), type: z.string().optional(), bytes: z.instanceof(Uint8Array) }), { error: "Attach files as a list" })
  .max(MAX_FILES_PER_UPLOAD, `Attach at most ${MAX_FILES_PER_UPLOAD} files at a time`)
  .default([]);

export type CheckedFile = { originalName: string; displayName: string; mimeType: string; size: number; bytes: Uint8Array };
export type StoredFile = CheckedFile & { storageKey: string };

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const truncateForMessage = (name: string) => (Array.from(name).length > 60 ? `${Array.from(name).slice(0, 57).join("")}…` : name);

/** Every file is judged before any is stored; each refusal names its file. */
export function checkFiles(files: readonly IncomingFile[], maxBytes: number): { ok: true; files: CheckedFile[] } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const checked: CheckedFile[] = [];
  for (const file of files) {
    const shown = truncateForMessage(cleanFileName(file.name));
    if (file.bytes.byteLength > maxBytes) {
      errors.push(`“${shown}” is larger than ${formatBytes(maxBytes)}`);
      continue;
    }
    const sniffed = sniffFileType(file.bytes);
    if (!sniffed.ok) {
      errors.push(`“${shown}” ${sniffed.reason}`);
      continue;
    }
    checked.push({
      originalName: originalFileName(file.name),
      displayName: sanitizeDisplayName(file.name, sniffed.type),
      mimeType: sniffed.type.mime,
      size: file.bytes.byteLength,
      bytes: file.bytes,
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, files: checked };
}

/** Best effort: a failure is logged, the orphaned object costs space, never access. */
export async function discardStoredFiles(storage: StorageDriver, keys: readonly string[]): Promise<void> {
  const results = await Promise.allSettled(keys.map((key) => storage.delete(key)));
  results.forEach((result, i) => {
    if (result.status === "rejected") logger.error("stored file not removed", { key: keys[i], error: String(result.reason) });
  });
}

/** Stores each file under a fresh random key; if one fails, the ones already stored are removed. */
export async function storeFiles(storage: StorageDriver, files: readonly CheckedFile[]): Promise<StoredFile[]> {
  const stored: StoredFile[] = [];
  try {
    for (const file of files) {
      const storageKey = newStorageKey();
      await storage.put(storageKey, file.bytes, { contentType: file.mimeType, size: file.size });
      stored.push({ ...file, storageKey });
    }
    return stored;
  } catch (error) {
    await discardStoredFiles(storage, stored.map((file) => file.storageKey));
    throw error;
  }
}
