import { getDb } from "@/db/client";
import { ok } from "@/lib/errors";
import { jsonRoute } from "@/lib/http/json-route";
import { listVisitorQueue } from "@/lib/visitor-chat/queue-queries";
import { queueQuerySchema } from "@/lib/visitor-chat/staff-schemas";

export const dynamic = "force-dynamic";

/** `?view=live|offline|closed&q=&cursor=`: a page of the CS-rep console's queue. */
export const GET = jsonRoute(async (actor, request) => {
  const sp = new URL(request.url).searchParams;
  const query = queueQuerySchema.parse({ view: sp.get("view") ?? undefined, q: sp.get("q") ?? "", cursor: sp.get("cursor") });
  return ok(await listVisitorQueue(getDb(), actor, query));
});
