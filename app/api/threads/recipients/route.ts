import { getDb } from "@/db/client";
import { ok } from "@/lib/errors";
import { jsonRoute } from "@/lib/http/json-route";
import { listRecipients } from "@/lib/messaging/queries";

export const dynamic = "force-dynamic";

/** `?q=`: people the viewer may start a thread with (the policy decides who is listed). */
export const GET = jsonRoute(async (actor, request) => ok(await listRecipients(getDb(), actor, new URL(request.url).searchParams.get("q") ?? "")));
