import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { assertStorageKey, isStorageKey, type StorageBody, type StorageDriver, type StoredObject, type StoredObjectMeta } from "./driver";

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

  async *list(): AsyncIterable<StoredObject> {
    for (const { name, file } of await this.entries()) {
      if (!isStorageKey(name)) continue;
      const info = await stat(file).catch(() => null);
      if (info?.isFile()) yield { key: name, storedAt: info.mtime };
    }
  }

  // A process killed while writing leaves `<key>.<random>.part` beside where the file would have gone.
  async removeAbandonedWrites(before: Date): Promise<number> {
    let removed = 0;
    for (const { name, file } of await this.entries()) {
      if (!name.endsWith(".part")) continue;
      const info = await stat(file).catch(() => null);
      if (!info || info.mtime >= before) continue;
      await rm(file, { force: true });
      removed += 1;
    }
    return removed;
  }

  /** The files in the two-letter folders under root (none when nothing was ever stored). */
  private async entries(): Promise<{ name: string; file: string }[]> {
    const folders = await readdir(this.root, { withFileTypes: true }).catch(() => []);
    const found: { name: string; file: string }[] = [];
    for (const folder of folders) {
      if (!folder.isDirectory() || !/^[A-Za-z0-9_-]{2}$/.test(folder.name)) continue;
      const dir = path.join(this.root, folder.name);
      for (const name of await readdir(dir).catch(() => [])) found.push({ name, file: path.join(dir, name) });
    }
    return found;
  }
}
