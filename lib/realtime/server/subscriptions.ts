import { channelKind } from "./channels";
import { isValidChannelName, LIMITS } from "./config";
import {
  encodeFrame,
  parseMaybeJson,
  presenceChannelDataSchema,
  subscribeDataSchema,
  subscriptionErrorFrame,
  unsubscribeDataSchema,
  errorFrame,
} from "./frames";
import type { ProtocolContext, SocketSession } from "./session";
import { verifyChannelAuth } from "./signature";

export function handleSubscribe(session: SocketSession, rawData: unknown, ctx: ProtocolContext): void {
  const parsed = subscribeDataSchema.safeParse(parseMaybeJson(rawData));
  if (!parsed.success) {
    session.send(errorFrame(null, "pusher:subscribe expects data {channel, auth?, channel_data?}"));
    return;
  }
  const { channel, auth, channel_data: channelData } = parsed.data;
  const { config, registry, logger } = ctx;

  if (!isValidChannelName(channel)) {
    session.send(
      subscriptionErrorFrame(channel, "InvalidChannel", `Invalid channel name (max ${LIMITS.maxChannelNameLength} chars of [A-Za-z0-9_\\-=@,.;])`, 400),
    );
    return;
  }

  const kind = channelKind(channel);
  if (kind !== "public") {
    const signedData = kind === "presence" ? channelData : undefined;
    if (auth === undefined || !verifyChannelAuth(auth, config.key, config.secret, session.id, channel, signedData)) {
      logger.warn("subscription_refused", { socketId: session.id, channel, reason: "invalid_signature" });
      session.send(subscriptionErrorFrame(channel, "AuthError", "Invalid signature: connection is unauthorized", 401));
      return;
    }
  }

  if (kind !== "presence") {
    registry.join(channel, session);
    session.subscriptions.add(channel);
    session.send(encodeFrame("pusher_internal:subscription_succeeded", "{}", channel));
    logger.debug("subscribed", { socketId: session.id, channel });
    return;
  }

  const member = presenceChannelDataSchema.safeParse(parseMaybeJson(channelData));
  if (!member.success) {
    session.send(subscriptionErrorFrame(channel, "AuthError", "channel_data must be a JSON object with user_id", 400));
    return;
  }
  const userId = String(member.data.user_id);
  // null, not undefined: JSON.stringify would drop the key and pusher-js would then not find `members.me`.
  const userInfo = member.data.user_info ?? null;
  if (Buffer.byteLength(JSON.stringify(userInfo), "utf8") > LIMITS.maxPresenceUserInfoBytes) {
    session.send(subscriptionErrorFrame(channel, "LimitReached", `user_info exceeds ${LIMITS.maxPresenceUserInfoBytes} bytes`, 400));
    return;
  }

  const joined = registry.join(channel, session, { userId, info: userInfo });
  if (!joined.ok) {
    logger.warn("subscription_refused", { socketId: session.id, channel, reason: "member_limit" });
    session.send(
      subscriptionErrorFrame(channel, "LimitReached", `Presence channels are limited to ${LIMITS.maxPresenceMembers} members`, 403),
    );
    return;
  }
  session.subscriptions.add(channel);
  session.send(encodeFrame("pusher_internal:subscription_succeeded", JSON.stringify({ presence: registry.presence(channel) }), channel));
  if (joined.memberAdded) {
    const added = JSON.stringify({ user_id: userId, user_info: userInfo });
    registry.broadcast(channel, encodeFrame("pusher_internal:member_added", added, channel), session.id);
  }
  logger.debug("subscribed", { socketId: session.id, channel, userId });
}

export function handleUnsubscribe(session: SocketSession, rawData: unknown, ctx: ProtocolContext): void {
  const parsed = unsubscribeDataSchema.safeParse(parseMaybeJson(rawData));
  if (!parsed.success) {
    session.send(errorFrame(null, "pusher:unsubscribe expects data {channel}"));
    return;
  }
  leaveChannel(session, parsed.data.channel, ctx);
}

/** Shared by unsubscribe and disconnect so presence bookkeeping cannot diverge between the two. */
export function leaveChannel(session: SocketSession, channel: string, ctx: ProtocolContext): void {
  session.subscriptions.delete(channel);
  const result = ctx.registry.leave(channel, session.id);
  if (result.removedUserId !== undefined) {
    const removed = JSON.stringify({ user_id: result.removedUserId });
    ctx.registry.broadcast(channel, encodeFrame("pusher_internal:member_removed", removed, channel));
  }
  if (result.left) ctx.logger.debug("unsubscribed", { socketId: session.id, channel });
}
