import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Stand-in for UploadThing's hosted services, which cannot be reached from here, answering what
 * the real `uploadthing` SDK (v7) sends, in UploadThing's shapes:
 *
 * - ingest: `PUT /{fileKey}?expires=…&x-ut-identifier=…&x-ut-file-name=…&…&signature=hmac-sha256=…`
 *   with a multipart body holding `file`. The SDK signs this URL itself with the token's apiKey
 *   (`generateSignedURL` in `@uploadthing/shared`: HMAC-SHA256 over the full URL before
 *   `signature` is appended); the stand-in checks that signature, the expiry, the app id and size.
 * - API: `POST /v6/requestFileAccess`, `POST /v6/deleteFiles` and `POST /v6/listFiles`, authorized by the
 *   `x-uploadthing-api-key` header.
 * - UFS: `GET /f/{fileKey}` serves a private file only with an unexpired URL signed by the apiKey.
 *
 * Point the SDK here with `new UTApi({ token, apiUrl: url, ingestUrl: url })`.
 */
export type StoredUpload = {
  key: string;
  customId: string | null;
  name: string;
  type: string;
  size: number;
  acl: "public-read" | "private";
  contentDisposition: string;
  bytes: Uint8Array;
  /** When the upload finished, in ms (UploadThing's `uploadedAt`); tests may move it back. */
  uploadedAt: number;
};

export type UploadThingStandIn = {
  url: string;
  /** A token in UploadThing's format (base64 JSON `{ apiKey, appId, regions }`) for this stand-in. */
  token: string;
  appId: string;
  apiKey: string;
  /** Everything stored, by file key. */
  files: Map<string, StoredUpload>;
  close(): Promise<void>;
};

export type UploadThingStandInOptions = {
  /** Whether the app may set an ACL per upload (a plan setting at UploadThing). Default true. */
  allowAclOverride?: boolean;
  /** The app's ACL when an upload sets none. Default "public-read", as at UploadThing. */
  defaultAcl?: "public-read" | "private";
};

const SIGNATURE_PREFIX = "hmac-sha256=";

class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sign(payload: string, apiKey: string): string {
  return SIGNATURE_PREFIX + createHmac("sha256", apiKey).update(payload).digest("hex");
}

function signatureMatches(payload: string, signature: string, apiKey: string): boolean {
  const expected = Buffer.from(sign(payload, apiKey));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Same construction as the SDK's `generateSignedURL`: `expires` (ms) appended, then the HMAC. */
function signUrl(url: string, apiKey: string, ttlSeconds: number): string {
  const parsed = new URL(url);
  parsed.searchParams.append("expires", String(Date.now() + ttlSeconds * 1000));
  parsed.searchParams.append("signature", sign(parsed.toString(), apiKey));
  return parsed.href;
}

/**
 * Checks a URL signed with the apiKey: `signature` must be the last parameter and match the HMAC of
 * everything before it, and `expires` must lie ahead. Returns the query without the signature.
 */
function verifySignedUrl(base: string, rawPath: string, apiKey: string): URLSearchParams {
  const at = rawPath.lastIndexOf("signature=");
  const separator = rawPath[at - 1];
  if (at < 1 || (separator !== "&" && separator !== "?")) throw new Refusal(403, "Missing signature");
  const signature = decodeURIComponent(rawPath.slice(at + "signature=".length));
  const signed = base + rawPath.slice(0, at - 1);
  if (!signature.startsWith(SIGNATURE_PREFIX) || !signatureMatches(signed, signature, apiKey)) {
    throw new Refusal(403, "Invalid signature");
  }
  const query = new URL(signed).searchParams;
  const expires = Number(query.get("expires"));
  if (!Number.isFinite(expires) || expires < Date.now()) throw new Refusal(403, "URL expired");
  return query;
}

/** The SDK percent-encodes each value before `URLSearchParams` encodes it again. */
function param(query: URLSearchParams, name: string): string | null {
  const value = query.get(name);
  return value === null ? null : decodeURIComponent(value);
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse((await readBody(req)).toString("utf8"));
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new Refusal(400, "Invalid JSON body");
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === "string") ? value : undefined;
}

export async function startUploadThingStandIn(options: UploadThingStandInOptions = {}): Promise<UploadThingStandIn> {
  const appId = randomBytes(6).toString("hex");
  const apiKey = `sk_live_${randomBytes(24).toString("hex")}`;
  const token = Buffer.from(JSON.stringify({ apiKey, appId, regions: ["sea1"] })).toString("base64");
  const files = new Map<string, StoredUpload>();
  const allowAclOverride = options.allowAclOverride ?? true;
  const defaultAcl = options.defaultAcl ?? "public-read";
  let base = "";

  const findFile = (body: Record<string, unknown>): StoredUpload | undefined => {
    if (typeof body.fileKey === "string") return files.get(body.fileKey);
    if (typeof body.customId === "string") return [...files.values()].find((file) => file.customId === body.customId);
    throw new Refusal(400, "Either fileKey or customId is required");
  };

  const ingest = async (req: http.IncomingMessage, rawPath: string, fileKey: string) => {
    const query = verifySignedUrl(base, rawPath, apiKey);
    if (param(query, "x-ut-identifier") !== appId) throw new Refusal(403, "x-ut-identifier does not match the app");
    if (files.has(fileKey)) throw new Refusal(409, "File key already used");
    const customId = param(query, "x-ut-custom-id");
    if (customId !== null && [...files.values()].some((file) => file.customId === customId)) {
      throw new Refusal(409, "customId already used in this app");
    }
    const aclParam = param(query, "x-ut-acl");
    if (aclParam !== null && aclParam !== "private" && aclParam !== "public-read") throw new Refusal(400, "Invalid x-ut-acl");
    if (aclParam !== null && !allowAclOverride) throw new Refusal(400, "ACL override is not allowed for this app");
    const contentType = req.headers["content-type"] ?? "";
    if (!contentType.startsWith("multipart/form-data")) throw new Refusal(400, "Expected a multipart/form-data body");
    const form = await new Response(new Uint8Array(await readBody(req)), { headers: { "content-type": contentType } }).formData();
    const file = form.get("file");
    if (!(file instanceof Blob)) throw new Refusal(400, "Missing form field `file`");
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (String(bytes.byteLength) !== param(query, "x-ut-file-size")) throw new Refusal(400, "File size does not match x-ut-file-size");
    files.set(fileKey, {
      key: fileKey,
      customId,
      name: param(query, "x-ut-file-name") ?? fileKey,
      type: param(query, "x-ut-file-type") ?? "application/octet-stream",
      size: bytes.byteLength,
      acl: aclParam ?? defaultAcl,
      contentDisposition: param(query, "x-ut-content-disposition") ?? "inline",
      bytes,
      uploadedAt: Date.now(),
    });
    const fileUrl = `${base}/f/${fileKey}`;
    return { url: fileUrl, appUrl: `${base}/a/${appId}/${fileKey}`, ufsUrl: fileUrl, fileHash: createHash("md5").update(bytes).digest("hex"), serverData: null };
  };

  const api = async (req: http.IncomingMessage, route: string) => {
    if (req.headers["x-uploadthing-api-key"] !== apiKey) throw new Refusal(401, "Invalid API key");
    const body = await readJson(req);
    if (route === "requestFileAccess") {
      const file = findFile(body);
      if (!file) throw new Refusal(404, "File not found");
      const expiresIn = typeof body.expiresIn === "number" ? body.expiresIn : 3600;
      if (!(expiresIn > 0 && expiresIn <= 7 * 86400)) throw new Refusal(400, "expiresIn must be between 1 second and 7 days");
      const signed = signUrl(`${base}/f/${file.key}`, apiKey, expiresIn);
      return { url: signed, ufsUrl: signed };
    }
    if (route === "deleteFiles") {
      const fileKeys = stringList(body.fileKeys);
      const customIds = stringList(body.customIds);
      if (!fileKeys && !customIds) throw new Refusal(400, "Either fileKeys or customIds is required");
      let deletedCount = 0;
      for (const [key, file] of files) {
        if (fileKeys?.includes(key) || (file.customId !== null && customIds?.includes(file.customId))) {
          files.delete(key);
          deletedCount += 1;
        }
      }
      return { success: true, deletedCount };
    }
    if (route === "listFiles") {
      const limit = typeof body.limit === "number" && body.limit > 0 ? body.limit : 500;
      const offset = typeof body.offset === "number" && body.offset >= 0 ? body.offset : 0;
      const all = [...files.values()];
      const page = all.slice(offset, offset + limit).map((file) => ({ id: file.key, customId: file.customId, key: file.key, name: file.name, size: file.size, status: "Uploaded" as const, uploadedAt: file.uploadedAt }));
      return { hasMore: offset + limit < all.length, files: page };
    }
    throw new Refusal(404, `Unknown route /v6/${route}`);
  };

  const serveFile = (res: http.ServerResponse, rawPath: string, fileKey: string) => {
    const file = files.get(fileKey);
    if (file?.acl !== "public-read") verifySignedUrl(base, rawPath, apiKey);
    if (!file) throw new Refusal(404, "File not found");
    res.writeHead(200, {
      "content-type": file.type,
      "content-length": file.size,
      "content-disposition": `${file.contentDisposition}; filename="${encodeURIComponent(file.name)}"`,
    });
    res.end(Buffer.from(file.bytes));
  };

  const server = http.createServer((req, res) => {
    const rawPath = req.url ?? "/";
    const pathname = new URL(rawPath, "http://stand-in").pathname;
    const segments = pathname.split("/").filter(Boolean).map(decodeURIComponent);
    const handle = async () => {
      if (req.method === "POST" && segments.length === 2 && segments[0] === "v6") return api(req, segments[1] ?? "");
      if (req.method === "GET" && segments.length === 2 && segments[0] === "f") return serveFile(res, rawPath, segments[1] ?? "");
      if (req.method === "PUT" && segments.length === 1) return ingest(req, rawPath, segments[0] ?? "");
      throw new Refusal(404, `No route for ${req.method} ${pathname}`);
    };
    handle().then(
      (json) => {
        if (json !== undefined) res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(json));
      },
      (error: unknown) => {
        const status = error instanceof Refusal ? error.status : 500;
        const message = error instanceof Error ? error.message : String(error);
        if (!res.headersSent) res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: message }));
      },
    );
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    token,
    appId,
    apiKey,
    files,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
