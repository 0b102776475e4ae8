import { getDb } from "@/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { readJsonObject } from "@/lib/http/json-object";
import { pathSegment } from "@/lib/http/path-segment";
import { markVisitorSessionReadByStaff } from "@/lib/visitor-chat/staff-read";

export const dynamic = "force-dynamic";

/** `{ seq }`: the staff side has seen the conversation up to seq. */
export const POST = jsonRoute(async (actor, request) => {
  const input = await readJsonObject(request, 1024);
  if (input instanceof Response) return input;
  return markVisitorSessionReadByStaff(getDb(), actor, { ...input, sessionId: pathSegment(request.url, 1) });
});
