import { getDb } from "@/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { readJsonObject } from "@/lib/http/json-object";
import { pathSegment } from "@/lib/http/path-segment";
import { markThreadRead } from "@/lib/messaging/mark-read";

export const dynamic = "force-dynamic";

/** `{ seq }`: the viewer has seen the thread up to seq. */
export const POST = jsonRoute(async (actor, request) => {
  const input = await readJsonObject(request, 1024);
  if (input instanceof Response) return input;
  return markThreadRead(getDb(), actor, { ...input, threadId: pathSegment(request.url, 1) });
});
