import { NextResponse } from "next/server";
import { logger } from "@/lib/log/logger";
import { formatBytes } from "@/lib/storage/uploads";
import { declaredLength, pumpBody } from "./body-stream";

/** Why a body was not taken: always the client's doing, so a 4xx with a reason and a warning at most. */
export type BodyRefusal = { ok: false; reason: "too_large" | "unreadable" | "unsupported_type"; status: 400 | 413 | 415; error: string };

export const tooLarge = (error: string): BodyRefusal => ({ ok: false, reason: "too_large", status: 413, error });
export const unreadable = (error: string): BodyRefusal => ({ ok: false, reason: "unreadable", status: 400, error });
export const unsupportedType = (error: string): BodyRefusal => ({ ok: false, reason: "unsupported_type", status: 415, error });

const bodyTooLarge = (maxBytes: number) => tooLarge(`The request body is larger than ${formatBytes(maxBytes)}.`);

/** The body's bytes, read as they stream in and refused as soon as they pass `maxBytes`. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<{ ok: true; bytes: Uint8Array } | BodyRefusal> {
  if ((declaredLength(request.headers) ?? 0) > maxBytes) return bodyTooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  const pumped = await pumpBody(request.body, maxBytes, (chunk) => {
    chunks.push(chunk);
    return "more";
  });
  if (pumped.outcome === "too_large") return bodyTooLarge(maxBytes);
  if (pumped.outcome !== "done") return unreadable("The request body ended before it was complete.");
  const bytes = new Uint8Array(pumped.bytes);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/**
 * The body as UTF-8 text. Invalid UTF-8 is refused rather than replaced and a BOM is kept, so the
 * text encodes back to exactly the bytes received (what a webhook's signature covers).
 */
export async function readTextBody(request: Request, maxBytes: number): Promise<{ ok: true; text: string } | BodyRefusal> {
  const read = await readBodyBytes(request, maxBytes);
  if (!read.ok) return read;
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(read.bytes) };
  } catch {
    return unreadable("The request body is not valid UTF-8 text.");
  }
}

const mediaType = (request: Request) => (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();

/** A JSON body (`undefined` when empty); anything but JSON under any other media type is refused. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<{ ok: true; value: unknown } | BodyRefusal> {
  const read = await readTextBody(request, maxBytes);
  if (!read.ok) return read;
  if (read.text.trim() === "") return { ok: true, value: undefined };
  if (mediaType(request) !== "application/json") return unsupportedType("Send the body as application/json.");
  try {
    return { ok: true, value: JSON.parse(read.text) as unknown };
  } catch {
    return unreadable("The request body is not valid JSON.");
  }
}

/** A URL-encoded form (what pusher-js and `fetch(url, { body: URLSearchParams })` send); empty is an empty form. */
export async function readUrlEncodedBody(request: Request, maxBytes: number): Promise<{ ok: true; form: URLSearchParams } | BodyRefusal> {
  const read = await readTextBody(request, maxBytes);
  if (!read.ok) return read;
  if (read.text === "") return { ok: true, form: new URLSearchParams() };
  if (mediaType(request) !== "application/x-www-form-urlencoded") return unsupportedType("Send the form as application/x-www-form-urlencoded.");
  return { ok: true, form: new URLSearchParams(read.text) };
}

/** The refusal as the JSON answer every route gives, `{ error }`, logged as a warning only. */
export function refuseBody(request: Request, refusal: BodyRefusal): Response {
  logger.warn("request body refused", { path: new URL(request.url).pathname, status: refusal.status, reason: refusal.reason, error: refusal.error });
  return NextResponse.json({ error: refusal.error }, { status: refusal.status });
}
