import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newStorageKey } from "./driver";
import { UploadThingStorageDriver, type UTApiLike } from "./uploadthing-driver";

// The uploadthing SDK is not installed yet, so this checks our side of the contract against a
// stand-in with UTApi's method shapes, and a local HTTP server in place of the signed file URLs.
const objects = new Map<string, { bytes: Uint8Array; acl?: string; type: string }>();
let server: http.Server;
let base = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const key = decodeURIComponent(req.url?.split("/f/")[1]?.split("?")[0] ?? "");
    const object = objects.get(key);
    if (!object) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": object.type }).end(Buffer.from(object.bytes));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const standIn: UTApiLike = {
  async uploadFiles(file, opts) {
    objects.set(file.customId ?? "", { bytes: new Uint8Array(await file.arrayBuffer()), acl: opts?.acl, type: file.type });
    return { data: { key: `ut-${file.customId}` }, error: null };
  },
  async getSignedURL(key) {
    return { url: `${base}/f/${encodeURIComponent(key)}?signature=x` };
  },
  async deleteFiles(keys) {
    for (const key of [keys].flat()) objects.delete(key);
    return { success: true };
  },
};

describe("UploadThing storage", () => {
  it("stores privately under our random key as customId, reads through a signed URL, deletes", async () => {
    const storage = new UploadThingStorageDriver(standIn);
    const key = newStorageKey();
    await storage.put(key, new TextEncoder().encode("paper"), { contentType: "application/pdf", size: 5 });
    expect(objects.get(key)).toMatchObject({ acl: "private", type: "application/pdf" });
    const stream = await storage.get(key);
    expect(await new Response(stream).text()).toBe("paper");
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
  });

  it("refuses malformed keys before calling the API", async () => {
    await expect(new UploadThingStorageDriver(standIn).get("../x")).rejects.toThrow(/invalid storage key/);
  });
});
