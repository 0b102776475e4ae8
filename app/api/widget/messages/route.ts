import { getDb } from "@/db/client";
import { clientIp } from "@/lib/http/client-ip";
import { readJsonObject } from "@/lib/http/json-object";
import { widgetPreflight, widgetResult, widgetRoute } from "@/lib/http/widget-cors";
import { readBearerToken } from "@/lib/visitor-chat/tokens";
import { sendVisitorMessage } from "@/lib/visitor-chat/visitor-send";
import { listVisitorMessagesAfter } from "@/lib/visitor-chat/visitor-queries";

export const dynamic = "force-dynamic";

// 2,000 characters, each up to 12 bytes as JSON escapes, and the id.
const MAX_BODY_BYTES = 32 * 1024;

/** `?after=seq`: what the widget missed, oldest first (a full page means ask again). */
export const GET = widgetRoute(async (request) => {
  const after = new URL(request.url).searchParams.get("after") ?? "";
  return widgetResult(await listVisitorMessagesAfter(getDb(), readBearerToken(request.headers), { after }));
});

/** `{ clientMessageId, body }` → 201 with the message (the same one for a retried id); 409 once the conversation ended. */
export const POST = widgetRoute(async (request) => {
  const input = await readJsonObject(request, MAX_BODY_BYTES);
  if (input instanceof Response) return input;
  return widgetResult(await sendVisitorMessage(getDb(), readBearerToken(request.headers), input, { ip: clientIp(request.headers) }), 201);
});

export const OPTIONS = widgetPreflight;
