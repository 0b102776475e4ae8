import { getDb } from "@/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { readJsonObject } from "@/lib/http/json-object";
import { pathSegment } from "@/lib/http/path-segment";
import { claimVisitorSession } from "@/lib/visitor-chat/claim";

export const dynamic = "force-dynamic";

/** Takes a waiting conversation; 409 names who already has it. */
export const POST = jsonRoute(async (actor, request) => {
  const input = await readJsonObject(request, 1024);
  if (input instanceof Response) return input;
  return claimVisitorSession(getDb(), actor, { ...input, sessionId: pathSegment(request.url, 1) });
});
