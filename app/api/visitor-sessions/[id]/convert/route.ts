import { getDb } from "@/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { readJsonObject } from "@/lib/http/json-object";
import { pathSegment } from "@/lib/http/path-segment";
import { convertVisitorSession } from "@/lib/visitor-chat/convert";

export const dynamic = "force-dynamic";

/** `{ fullName, email }`: creates the student account; answers the one-time set-password link. */
export const POST = jsonRoute(async (actor, request) => {
  const input = await readJsonObject(request, 4096);
  if (input instanceof Response) return input;
  return convertVisitorSession(getDb(), actor, { ...input, sessionId: pathSegment(request.url, 1) });
});
