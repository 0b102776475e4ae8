import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { readJsonObject } from "@/lib/http/json-object";
import { pathSegment } from "@/lib/http/path-segment";
import { fail, ok } from "@/lib/errors";
import { listMessages } from "@/lib/messaging/queries";
import { messagePageSchema } from "@/lib/messaging/schemas";
import { sendMessage } from "@/lib/messaging/send-message";

export const dynamic = "force-dynamic";

// 10,000 characters, each up to 12 bytes as a JSON escape pair, with room for the other fields.
const MAX_SEND_BYTES = 128 * 1024;

/** `?before=seq` (older page), `?after=seq` (catching up), or neither (the newest page). */
export const GET = jsonRoute(async (actor, request) => {
  const query = messagePageSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return NextResponse.json({ error: "before, after and limit must be whole numbers (limit at most 200)" }, { status: 400 });
  const page = await listMessages(getDb(), actor, pathSegment(request.url, 1), query.data);
  return page ? ok(page) : fail("not_found", "Thread not found");
});

/** `{ clientMessageId, body, attachmentIds? }` → 201 with the message (the same one for a retried id). */
export const POST = jsonRoute(async (actor, request) => {
  const input = await readJsonObject(request, MAX_SEND_BYTES);
  if (input instanceof Response) return input;
  return sendMessage(getDb(), actor, { ...input, threadId: pathSegment(request.url, 1) });
}, 201);
