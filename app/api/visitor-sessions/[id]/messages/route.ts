import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { fail, ok } from "@/lib/errors";
import { jsonRoute } from "@/lib/http/json-route";
import { readJsonObject } from "@/lib/http/json-object";
import { pathSegment } from "@/lib/http/path-segment";
import { listVisitorMessagesAfter } from "@/lib/visitor-chat/queue-queries";
import { sendStaffVisitorMessage } from "@/lib/visitor-chat/staff-send";
import { messagesAfterSchema } from "@/lib/visitor-chat/staff-schemas";

export const dynamic = "force-dynamic";

// 2,000 characters, each up to 12 bytes as a JSON escape pair, with room for the other fields.
const MAX_SEND_BYTES = 32 * 1024;

/** `?after=seq`: the messages after seq (catching up after a reconnect). */
export const GET = jsonRoute(async (actor, request) => {
  const query = messagesAfterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return NextResponse.json({ error: "after must be a whole number" }, { status: 400 });
  const messages = await listVisitorMessagesAfter(getDb(), actor, pathSegment(request.url, 1), query.data.after);
  return messages ? ok({ messages }) : fail("not_found", "Conversation not found");
});

/** `{ clientMessageId, body }` → 201 with the message (the same one for a retried id). */
export const POST = jsonRoute(async (actor, request) => {
  const input = await readJsonObject(request, MAX_SEND_BYTES);
  if (input instanceof Response) return input;
  return sendStaffVisitorMessage(getDb(), actor, { ...input, sessionId: pathSegment(request.url, 1) });
}, 201);
