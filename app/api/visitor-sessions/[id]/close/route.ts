import { getDb } from "@/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { readJsonObject } from "@/lib/http/json-object";
import { pathSegment } from "@/lib/http/path-segment";
import { closeVisitorSession } from "@/lib/visitor-chat/close";

export const dynamic = "force-dynamic";

/** `{ reason }`: ends the conversation. */
export const POST = jsonRoute(async (actor, request) => {
  const input = await readJsonObject(request, 4096);
  if (input instanceof Response) return input;
  return closeVisitorSession(getDb(), actor, { ...input, sessionId: pathSegment(request.url, 1) });
});
