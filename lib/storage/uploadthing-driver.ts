import { assertStorageKey, type StorageBody, type StorageDriver, type StoredObjectMeta } from "./driver";

/**
 * The part of UploadThing's `UTApi` (package `uploadthing`, v7, `uploadthing/server`) this driver
 * uses. Written structurally because the package is not installed yet; `new UTApi({ token })`
 * satisfies it.
 */
export type UTApiLike = {
  uploadFiles(
    file: Blob & { name: string; customId?: string },
    opts?: { acl?: "public-read" | "private"; contentDisposition?: "inline" | "attachment" },
  ): Promise<{ data: { key: string } | null; error: { message: string } | null }>;
  getSignedURL(key: string, opts: { keyType: "customId"; expiresIn?: number }): Promise<{ url: string; ufsUrl?: string }>;
  deleteFiles(keys: string | string[], opts: { keyType: "customId" }): Promise<{ success: boolean }>;
};

type FetchLike = (url: string) => Promise<Response>;

/**
 * Our random key is UploadThing's `customId`, so rows keep one key whichever driver stored them.
 * Files are private: reading goes through a short-lived signed URL fetched by the server, never
 * handed to the browser, so every download still passes our authorized route.
 */
export class UploadThingStorageDriver implements StorageDriver {
  readonly name = "uploadthing";

  constructor(
    private readonly api: UTApiLike,
    private readonly fetchImpl: FetchLike = (url) => fetch(url),
  ) {}

  async put(key: string, body: StorageBody, meta: StoredObjectMeta): Promise<void> {
    assertStorageKey(key);
    const bytes = body instanceof Uint8Array ? body : new Uint8Array(await new Response(body).arrayBuffer());
    const file = Object.assign(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: meta.contentType }), { name: key, customId: key });
    const result = await this.api.uploadFiles(file, { acl: "private", contentDisposition: "attachment" });
    if (result.error || !result.data) throw new Error(`UploadThing upload failed: ${result.error?.message ?? "no data"}`);
  }

  async get(key: string): Promise<ReadableStream<Uint8Array> | null> {
    assertStorageKey(key);
    const signed = await this.api.getSignedURL(key, { keyType: "customId", expiresIn: 60 });
    const response = await this.fetchImpl(signed.ufsUrl ?? signed.url);
    if (response.status === 404) return null;
    if (!response.ok || !response.body) throw new Error(`UploadThing download failed with status ${response.status}`);
    return response.body;
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    const result = await this.api.deleteFiles(key, { keyType: "customId" });
    if (!result.success) throw new Error("UploadThing delete failed");
  }
}
