import { getDb } from "@/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { readJsonObject } from "@/lib/http/json-object";
import { pathSegment } from "@/lib/http/path-segment";
import { transferVisitorSession } from "@/lib/visitor-chat/transfer";

export const dynamic = "force-dynamic";

/** `{ toUserId }`: hands the conversation to another CS rep or admin. */
export const POST = jsonRoute(async (actor, request) => {
  const input = await readJsonObject(request, 1024);
  if (input instanceof Response) return input;
  return transferVisitorSession(getDb(), actor, { ...input, sessionId: pathSegment(request.url, 1) });
});
