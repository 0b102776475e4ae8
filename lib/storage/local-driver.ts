import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { assertStorageKey, type StorageBody, type StorageDriver, type StoredObjectMeta } from "./driver";

/** Files on local disk under `root` (`.data/uploads` in the app, a temp dir in tests). */
export class LocalStorageDriver implements StorageDriver {
  readonly name = "local";
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  // Keys are checked against a strict alphabet, and the result must stay under root anyway.
  private pathFor(key: string): string {
    assertStorageKey(key);
    const file = path.resolve(this.root, key.slice(0, 2), key);
    if (!file.startsWith(this.root + path.sep)) throw new Error("storage path escapes its root");
    return file;
  }

  // The type lives in the database row; the disk keeps only bytes.
  async put(key: string, body: StorageBody, _meta?: StoredObjectMeta): Promise<void> {
    const file = this.pathFor(key);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // Written beside the target and renamed, so a reader never sees half a file.
    const partial = `${file}.${randomBytes(6).toString("hex")}.part`;
    try {
      if (body instanceof Uint8Array) {
        await writeFile(partial, body, { flag: "wx", mode: 0o600 });
      } else {
        const source = Readable.fromWeb(body as NodeWebReadableStream<Uint8Array>);
        await pipeline(source, fs.createWriteStream(partial, { flags: "wx", mode: 0o600 }));
      }
      if (fs.existsSync(file)) throw new Error("storage key already in use");
      await rename(partial, file);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<ReadableStream<Uint8Array> | null> {
    const file = this.pathFor(key);
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(file, "r");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    const stream = handle.createReadStream();
    return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathFor(key), { force: true });
  }
}
