import { getDb } from "@/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { inviteeAvailability } from "@/lib/meetings/availability";

export const dynamic = "force-dynamic";

/** `?inviteeId&date&timeZone&durationMinutes`: both people's busy times that day and free starts. */
export const GET = jsonRoute(async (actor, request) => inviteeAvailability(getDb(), actor, Object.fromEntries(new URL(request.url).searchParams)));
