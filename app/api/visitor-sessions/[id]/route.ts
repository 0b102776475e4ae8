import { getDb } from "@/db/client";
import { fail, ok } from "@/lib/errors";
import { jsonRoute } from "@/lib/http/json-route";
import { pathSegment } from "@/lib/http/path-segment";
import { loadVisitorSession } from "@/lib/visitor-chat/queue-queries";

export const dynamic = "force-dynamic";

/** One conversation with its messages and the visitor's other sessions. */
export const GET = jsonRoute(async (actor, request) => {
  const session = await loadVisitorSession(getDb(), actor, pathSegment(request.url, 0));
  return session ? ok(session) : fail("not_found", "Conversation not found");
});
