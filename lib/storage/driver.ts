import { randomBytes } from "node:crypto";

export type StorageBody = Uint8Array | ReadableStream<Uint8Array>;
export type StoredObjectMeta = { contentType: string; size: number };
/** One object as the store lists it, for the stray-file sweep. */
export type StoredObject = { key: string; storedAt: Date };

/**
 * Where file bytes live. Keys are always made by `newStorageKey`, never from a file's name,
 * so knowing a name (or guessing a path) reaches nothing; the database row is the only way in.
 */
export interface StorageDriver {
  readonly name: string;
  put(key: string, body: StorageBody, meta: StoredObjectMeta): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<ReadableStream<Uint8Array> | null>;
  /** Succeeds when the key is already gone, so cleanup can be retried. */
  delete(key: string): Promise<void>;
  /**
   * Every object stored under a key of ours, in no particular order. Files written by a process that
   * died before recording them have no row; the sweep (sweep-stray-files.ts) finds them through this.
   */
  list(): AsyncIterable<StoredObject>;
  /** Removes pieces of writes that never finished (a local driver's temp files), older than `before`. */
  removeAbandonedWrites?(before: Date): Promise<number>;
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** 256 random bits, base64url: unguessable, and safe as a file name or object id. */
export function newStorageKey(): string {
  return randomBytes(32).toString("base64url");
}

export function isStorageKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

export function assertStorageKey(key: string): void {
  if (!isStorageKey(key)) throw new Error("invalid storage key");
}
