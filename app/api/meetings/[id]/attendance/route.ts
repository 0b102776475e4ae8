import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { pathSegment } from "@/lib/http/path-segment";
import { readTextBody, refuseBody } from "@/lib/http/read-body";
import { recordRoomEvent } from "@/lib/meetings/attendance";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 1024;
// navigator.sendBeacon (the leave on pagehide) can only send text/plain without a preflight.
const jsonTypes = new Set(["application/json", "text/plain", ""]);

/** The room reports `{ event: "join" | "leave" }`: 204, or a 4xx JSON `{ error }` saying why not. */
export const POST = jsonRoute(async (actor, request) => {
  const read = await readTextBody(request, MAX_BODY_BYTES);
  if (!read.ok) return refuseBody(request, read);
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!jsonTypes.has(mediaType)) return NextResponse.json({ error: "Send the body as JSON." }, { status: 415 });
  let body: unknown;
  try {
    body = JSON.parse(read.text);
  } catch {
    return NextResponse.json({ error: "The request body is not valid JSON." }, { status: 400 });
  }
  const result = await recordRoomEvent(getDb(), actor, pathSegment(request.url, 1), body);
  return result.ok ? new Response(null, { status: 204 }) : result;
});
