import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { newStorageKey } from "./driver";
import { LocalStorageDriver } from "./local-driver";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "nano-storage-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const read = async (stream: ReadableStream<Uint8Array> | null) => (stream ? Buffer.from(await new Response(stream).arrayBuffer()).toString() : null);
const meta = { contentType: "text/plain", size: 5 };

describe("local file storage", () => {
  it("stores, reads back and deletes bytes under a random key", async () => {
    const storage = new LocalStorageDriver(root);
    const key = newStorageKey();
    await storage.put(key, new TextEncoder().encode("hello"), meta);
    expect(await read(await storage.get(key))).toBe("hello");
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await storage.delete(key);
  });

  it("accepts a stream and never overwrites an existing key", async () => {
    const storage = new LocalStorageDriver(root);
    const key = newStorageKey();
    await storage.put(key, new Blob(["streamed"]).stream(), meta);
    expect(await read(await storage.get(key))).toBe("streamed");
    await expect(storage.put(key, new TextEncoder().encode("other"), meta)).rejects.toThrow();
    expect(await read(await storage.get(key))).toBe("streamed");
    expect(fs.readdirSync(path.join(root, key.slice(0, 2))).filter((f) => f.endsWith(".part"))).toEqual([]);
  });

  it("makes keys that are unguessable and never derived from anything", () => {
    const keys = new Set(Array.from({ length: 1000 }, newStorageKey));
    expect(keys.size).toBe(1000);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("refuses keys that could leave its directory", async () => {
    const storage = new LocalStorageDriver(root);
    for (const key of ["../../etc/passwd", "..", "a/b", `${"a".repeat(40)}/..`, "", "x".repeat(44)]) {
      await expect(storage.get(key), key).rejects.toThrow(/invalid storage key/);
      await expect(storage.put(key, new Uint8Array([1]), meta), key).rejects.toThrow(/invalid storage key/);
      await expect(storage.delete(key), key).rejects.toThrow(/invalid storage key/);
    }
  });
});
