import { getDb } from "@/db/client";
import { ok } from "@/lib/errors";
import { jsonRoute } from "@/lib/http/json-route";
import { inviteeOptions } from "@/lib/meetings/queries";

export const dynamic = "force-dynamic";

/** `?q=`: people the actor may invite to a meeting, with the assignments they share. */
export const GET = jsonRoute(async (actor, request) => ok(await inviteeOptions(getDb(), actor, new URL(request.url).searchParams.get("q") ?? "")));
