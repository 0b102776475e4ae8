import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/session";
import { answer503WhileDatabaseDown } from "@/lib/http/database-unavailable";
import { readUrlEncodedBody, refuseBody } from "@/lib/http/read-body";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { logger } from "@/lib/log/logger";
import { authorizeChannel, channelAuthRequestSchema } from "@/lib/realtime/authorize-channel";
import { pusherServer } from "@/lib/realtime/publish";

export const dynamic = "force-dynamic";

// pusher-js sends a socket id and a channel name, well under a kilobyte.
const MAX_BODY_BYTES = 8 * 1024;

/** pusher-js asks here before joining a private or presence channel. */
export const POST = answer503WhileDatabaseDown(async (request: Request) => {
  if (!isSameOriginRequest(request.headers)) return NextResponse.json({ error: "Cross-site request refused" }, { status: 403 });
  const actor = await currentActor();
  if (!actor) return NextResponse.json({ error: "Sign in to receive live updates" }, { status: 403 });
  const pusher = pusherServer();
  if (!pusher) return NextResponse.json({ error: "Live updates are not configured" }, { status: 503 });
  const form = await readUrlEncodedBody(request, MAX_BODY_BYTES);
  if (!form.ok) return refuseBody(request, form);
  const parsed = channelAuthRequestSchema.safeParse(Object.fromEntries(form.form));
  if (!parsed.success) return NextResponse.json({ error: parsed.error.issues[0]?.message ?? "Bad request" }, { status: 400 });
  const { socket_id: socketId, channel_name: channel } = parsed.data;
  const decision = await authorizeChannel(getDb(), actor, channel);
  if (!decision.allowed) {
    logger.warn("channel refused", { userId: actor.id, channel, ip: actor.ip });
    return NextResponse.json({ error: "You cannot join this channel" }, { status: 403 });
  }
  return NextResponse.json(pusher.authorizeChannel(socketId, channel, decision.presence));
});
