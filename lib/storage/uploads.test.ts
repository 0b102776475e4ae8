import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { StorageBody, StoredObjectMeta } from "./driver";
import { LocalStorageDriver } from "./local-driver";
import { checkFiles, storeFiles } from "./uploads";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "nano-uploads-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const text = (name: string, content = "some notes") => ({ name, bytes: new TextEncoder().encode(content) });
const storedKeys = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : []);

describe("checking uploads", () => {
  it("judges every file and reports each refusal by name", () => {
    const result = checkFiles(
      [text("ok.txt"), { name: "big.pdf", bytes: new Uint8Array(2048).fill(65) }, { name: "setup.pdf", bytes: Uint8Array.from([0x4d, 0x5a, 0, 0]) }],
      1024,
    );
    expect(result).toEqual({
      ok: false,
      errors: ["“big.pdf” is larger than 1 KB", "“setup.pdf” is a program; executables are not accepted"],
    });
  });

  it("records the detected type and a safe display name, ignoring the claimed type", () => {
    const result = checkFiles([{ name: "../notes.html", type: "application/pdf", bytes: new TextEncoder().encode("# just markdown") }], 1024);
    expect(result).toMatchObject({ ok: true, files: [{ originalName: "../notes.html", displayName: "notes.html.txt", mimeType: "text/plain", size: 15 }] });
  });
});

describe("storing uploads", () => {
  it("removes the files already stored when a later one fails", async () => {
    const dir = path.join(root, "failing");
    class FailsOnThird extends LocalStorageDriver {
      calls = 0;
      override async put(key: string, body: StorageBody, meta: StoredObjectMeta) {
        if (++this.calls === 3) throw new Error("disk full");
        return super.put(key, body, meta);
      }
    }
    const checked = checkFiles([text("a.txt"), text("b.txt"), text("c.txt")], 1024);
    if (!checked.ok) throw new Error("fixture");
    await expect(storeFiles(new FailsOnThird(dir), checked.files)).rejects.toThrow("disk full");
    expect(storedKeys(dir)).toEqual([]);
  });

  it("gives every file its own random key", async () => {
    const checked = checkFiles([text("same.txt"), text("same.txt")], 1024);
    if (!checked.ok) throw new Error("fixture");
    const stored = await storeFiles(new LocalStorageDriver(path.join(root, "ok")), checked.files);
    expect(new Set(stored.map((f) => f.storageKey)).size).toBe(2);
    for (const file of stored) expect(file.storageKey).not.toContain("same");
  });
});
