import { UTApi } from "uploadthing/server";
import { assertStorageKey, isStorageKey, type StorageBody, type StorageDriver, type StoredObject, type StoredObjectMeta } from "./driver";

/** How long the signed URL the server fetches a file through stays valid. */
const SIGNED_URL_SECONDS = 60;
/** Files per listFiles page. */
const LIST_PAGE = 500;

/**
 * Our random key is UploadThing's `customId` (and the file's name there), so rows keep one key
 * whichever driver stored them and nothing at UploadThing carries a user's file name.
 *
 * Files are uploaded private, or not at all: a plan that refuses per-file ACLs makes uploads fail
 * loudly rather than leave coursework public. Every download goes through our authorized route,
 * which reads the bytes here via a short-lived signed URL fetched by the server.
 */
export class UploadThingStorageDriver implements StorageDriver {
  readonly name = "uploadthing";

  constructor(private readonly api: UTApi) {}

  /** `new UTApi({ token })`; the SDK also reads `UPLOADTHING_*` overrides (API/ingest URL) from the environment. */
  static fromToken(token: string): UploadThingStorageDriver {
    return new UploadThingStorageDriver(new UTApi({ token, defaultKeyType: "customId" }));
  }

  async put(key: string, body: StorageBody, meta: StoredObjectMeta): Promise<void> {
    assertStorageKey(key);
    const bytes = body instanceof Uint8Array ? body : new Uint8Array(await new Response(body).arrayBuffer());
    const file = Object.assign(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: meta.contentType }), {
      name: key,
      customId: key,
      lastModified: Date.now(),
    });
    const uploaded = await this.api.uploadFiles(file, { acl: "private", contentDisposition: "attachment" });
    if (uploaded.error) throw new Error(`UploadThing upload failed: ${uploaded.error.message}`);
  }

  async get(key: string): Promise<ReadableStream<Uint8Array> | null> {
    assertStorageKey(key);
    let signedUrl: string;
    try {
      signedUrl = (await this.api.getSignedURL(key, { keyType: "customId", expiresIn: SIGNED_URL_SECONDS })).ufsUrl;
    } catch (error) {
      if (responseStatus(error) === 404) return null;
      throw new Error("UploadThing file access request failed", { cause: error });
    }
    const response = await fetch(signedUrl, { redirect: "follow" });
    if (response.status === 404) return null;
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new Error(`UploadThing download failed with status ${response.status}`);
    }
    return response.body;
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    const result = await this.api.deleteFiles(key, { keyType: "customId" });
    if (!result.success) throw new Error("UploadThing delete failed");
  }

  // Only files under one of our keys: anything else in the app was not put there by this driver.
  async *list(): AsyncIterable<StoredObject> {
    for (let offset = 0; ; offset += LIST_PAGE) {
      const page = await this.api.listFiles({ limit: LIST_PAGE, offset });
      for (const file of page.files) {
        if (file.customId && isStorageKey(file.customId)) yield { key: file.customId, storedAt: new Date(file.uploadedAt) };
      }
      if (!page.hasMore || page.files.length === 0) return;
    }
  }
}

/** The HTTP status the SDK's request failed with (an `@effect/platform` ResponseError), if any. */
function responseStatus(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("response" in error)) return undefined;
  const response = (error as { response: unknown }).response;
  if (typeof response !== "object" || response === null || !("status" in response)) return undefined;
  return typeof response.status === "number" ? response.status : undefined;
}
