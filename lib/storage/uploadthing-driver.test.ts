import { UTApi } from "uploadthing/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startUploadThingStandIn, type UploadThingStandIn } from "@/test/standins/uploadthing-server";
import { isStorageKey, newStorageKey } from "./driver";
import { createStorageDriver } from "./index";
import { UploadThingStorageDriver } from "./uploadthing-driver";

// The real UploadThing SDK against our stand-in for UploadThing's hosted ingest, API and file host
// (unreachable from here): the SDK signs the ingest URL with the token's apiKey, and the stand-in
// checks that signature as UploadThing does.
let standIn: UploadThingStandIn;
let aclFixed: UploadThingStandIn;

const utapi = (server: UploadThingStandIn, token = server.token) =>
  new UTApi({ token, apiUrl: server.url, ingestUrl: server.url, logLevel: "None" });

const text = async (stream: ReadableStream<Uint8Array> | null) => (stream ? new Response(stream).text() : null);

beforeAll(async () => {
  [standIn, aclFixed] = await Promise.all([startUploadThingStandIn(), startUploadThingStandIn({ allowAclOverride: false })]);
});
afterAll(async () => {
  await Promise.all([standIn.close(), aclFixed.close()]);
});

describe("UploadThing storage through the uploadthing SDK", () => {
  it("uploads privately under our random key, reads it back through a signed URL, deletes it", async () => {
    const storage = new UploadThingStorageDriver(utapi(standIn));
    const key = newStorageKey();
    await storage.put(key, new TextEncoder().encode("paper"), { contentType: "application/pdf", size: 5 });

    const stored = [...standIn.files.values()].find((file) => file.customId === key);
    expect(stored).toMatchObject({ customId: key, name: key, acl: "private", type: "application/pdf", size: 5 });
    expect(await text(await storage.get(key))).toBe("paper");

    await storage.delete(key);
    expect([...standIn.files.values()].some((file) => file.customId === key)).toBe(false);
    expect(await storage.get(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it("accepts a stream body", async () => {
    const storage = new UploadThingStorageDriver(utapi(standIn));
    const key = newStorageKey();
    await storage.put(key, new Response("streamed bytes").body!, { contentType: "text/plain", size: 14 });
    expect(await text(await storage.get(key))).toBe("streamed bytes");
  });

  it("serves a private file only with a valid, unforged signature", async () => {
    const api = utapi(standIn);
    const storage = new UploadThingStorageDriver(api);
    const key = newStorageKey();
    await storage.put(key, new TextEncoder().encode("secret"), { contentType: "text/plain", size: 6 });

    const { ufsUrl } = await api.getSignedURL(key, { keyType: "customId", expiresIn: 60 });
    expect((await fetch(ufsUrl)).status).toBe(200);
    const signed = new URL(ufsUrl);
    const unsigned = new URL(signed.pathname, signed.origin);
    expect((await fetch(unsigned)).status).toBe(403);
    const forged = new URL(ufsUrl);
    forged.searchParams.set("signature", `hmac-sha256=${"0".repeat(64)}`);
    expect((await fetch(forged)).status).toBe(403);
    const extended = new URL(ufsUrl.replace(/expires=\d+/, `expires=${Date.now() + 86_400_000}`));
    expect((await fetch(extended)).status).toBe(403);
  });

  it("sends the SDK's signed ingest URL, which the stand-in refuses once altered", async () => {
    const ingestUrls: string[] = [];
    const observingFetch: typeof fetch = (input, init) => {
      const request = new Request(input, init);
      if (request.method === "PUT") ingestUrls.push(request.url);
      return fetch(request);
    };
    const api = new UTApi({ token: standIn.token, apiUrl: standIn.url, ingestUrl: standIn.url, logLevel: "None", fetch: observingFetch });
    const key = newStorageKey();
    await new UploadThingStorageDriver(api).put(key, new TextEncoder().encode("abc"), { contentType: "text/plain", size: 3 });

    expect(ingestUrls).toHaveLength(1);
    const sent = new URL(ingestUrls[0] ?? "");
    const param = (name: string) => decodeURIComponent(sent.searchParams.get(name) ?? "");
    expect(sent.origin).toBe(standIn.url);
    expect(param("x-ut-identifier")).toBe(standIn.appId);
    expect(param("x-ut-custom-id")).toBe(key);
    expect(param("x-ut-file-name")).toBe(key);
    expect(param("x-ut-acl")).toBe("private");
    expect(param("signature")).toMatch(/^hmac-sha256=[0-9a-f]{64}$/);

    const body = new FormData();
    body.append("file", new Blob(["abc"]), key);
    const tampered = ingestUrls[0]!.replace("x-ut-acl=private", "x-ut-acl=public-read");
    const refused = await fetch(tampered, { method: "PUT", body });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: "Invalid signature" });
  });

  it("refuses uploads signed with another apiKey, and API calls with one", async () => {
    const stranger = await startUploadThingStandIn();
    try {
      // Same app id as the stand-in, different secret: the ingest signature does not verify.
      const forgedToken = Buffer.from(
        JSON.stringify({ apiKey: stranger.apiKey, appId: standIn.appId, regions: ["sea1"] }),
      ).toString("base64");
      const storage = new UploadThingStorageDriver(utapi(standIn, forgedToken));
      const key = newStorageKey();
      await expect(storage.put(key, new TextEncoder().encode("x"), { contentType: "text/plain", size: 1 })).rejects.toThrow(
        /UploadThing upload failed/,
      );
      expect([...standIn.files.values()].some((file) => file.customId === key)).toBe(false);
      await expect(storage.get(key)).rejects.toThrow(/file access request failed/);
    } finally {
      await stranger.close();
    }
  });

  it("refuses to store a file publicly when the plan refuses a private one", async () => {
    const storage = new UploadThingStorageDriver(utapi(aclFixed));
    const key = newStorageKey();
    await expect(storage.put(key, new TextEncoder().encode("coursework"), { contentType: "text/plain", size: 10 })).rejects.toThrow(/UploadThing upload failed/);
    expect([...aclFixed.files.values()].some((file) => file.customId === key)).toBe(false);
  });

  it("never derives keys from file names and refuses anything but a storage key", async () => {
    const storage = new UploadThingStorageDriver(utapi(standIn));
    const [first, second] = [newStorageKey(), newStorageKey()];
    expect(first).not.toBe(second);
    expect(isStorageKey(first)).toBe(true);
    for (const bad of ["report.pdf", "../x", "", `${first}/x`]) {
      await expect(storage.put(bad, new Uint8Array([1]), { contentType: "text/plain", size: 1 })).rejects.toThrow(/invalid storage key/);
      await expect(storage.get(bad)).rejects.toThrow(/invalid storage key/);
      await expect(storage.delete(bad)).rejects.toThrow(/invalid storage key/);
    }
    await storage.put(first, new TextEncoder().encode("a"), { contentType: "text/plain", size: 1 });
    const stored = [...standIn.files.values()].find((file) => file.customId === first);
    expect(stored?.name).toBe(first);
  });

  it("is what createStorageDriver returns when a token is given", () => {
    expect(createStorageDriver({ uploadthingToken: standIn.token }).name).toBe("uploadthing");
    expect(createStorageDriver({ localRoot: ".data/test-uploads" }).name).not.toBe("uploadthing");
  });
});
