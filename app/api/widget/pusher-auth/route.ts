import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { clientIp } from "@/lib/http/client-ip";
import { readUrlEncodedBody, refuseBody } from "@/lib/http/read-body";
import { widgetPreflight, widgetRoute } from "@/lib/http/widget-cors";
import { logger } from "@/lib/log/logger";
import { channelAuthRequestSchema } from "@/lib/realtime/authorize-channel";
import { pusherServer } from "@/lib/realtime/publish";
import { authorizeVisitorChannel } from "@/lib/visitor-chat/channel-auth";
import { readBearerToken } from "@/lib/visitor-chat/tokens";

export const dynamic = "force-dynamic";

// pusher-js sends a socket id and a channel name, well under a kilobyte.
const MAX_BODY_BYTES = 8 * 1024;

/** pusher-js in the widget asks here (token as Bearer) before joining its session's channel. */
export const POST = widgetRoute(async (request) => {
  const form = await readUrlEncodedBody(request, MAX_BODY_BYTES);
  if (!form.ok) return refuseBody(request, form);
  const parsed = channelAuthRequestSchema.safeParse(Object.fromEntries(form.form));
  if (!parsed.success) return NextResponse.json({ error: parsed.error.issues[0]?.message ?? "Bad request" }, { status: 400 });
  const { socket_id: socketId, channel_name: channel } = parsed.data;
  if (!(await authorizeVisitorChannel(getDb(), readBearerToken(request.headers), channel))) {
    logger.warn("visitor channel refused", { channel, ip: clientIp(request.headers) });
    return NextResponse.json({ error: "You cannot join this channel" }, { status: 403 });
  }
  const pusher = pusherServer();
  if (!pusher) return NextResponse.json({ error: "Live updates are not configured" }, { status: 503 });
  return NextResponse.json(pusher.authorizeChannel(socketId, channel));
});

export const OPTIONS = widgetPreflight;
