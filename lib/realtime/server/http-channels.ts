import { channelKind } from "./channels";
import { isValidChannelName } from "./config";
import type { HttpResult } from "./http-events";
import type { ProtocolContext } from "./session";

function attributesOf(info: string | null): Set<string> {
  return new Set((info ?? "").split(",").filter(Boolean));
}

/** GET /apps/{id}/channels — occupied channels only, like Pusher. */
export function listChannels(ctx: ProtocolContext, query: URLSearchParams): HttpResult {
  const prefix = query.get("filter_by_prefix") ?? "";
  const attributes = attributesOf(query.get("info"));
  const wantsUserCount = attributes.has("user_count");
  // Pusher only computes user counts when the listing is restricted to presence channels.
  if (wantsUserCount && !prefix.startsWith("presence-")) {
    return { status: 400, text: "info=user_count requires filter_by_prefix=presence-" };
  }
  const channels: Record<string, { user_count?: number }> = {};
  for (const name of ctx.registry.names(prefix)) {
    channels[name] = wantsUserCount ? { user_count: ctx.registry.userCount(name) } : {};
  }
  return { status: 200, json: { channels } };
}

/**
 * GET /apps/{id}/channels/{name}. `subscription_count` (and `user_count` on
 * presence channels) are always included: they are free to compute here and
 * extra fields are harmless to the SDK.
 */
export function channelInfo(ctx: ProtocolContext, name: string, query: URLSearchParams): HttpResult {
  if (!isValidChannelName(name)) return { status: 400, text: "Invalid channel name" };
  const isPresence = channelKind(name) === "presence";
  if (attributesOf(query.get("info")).has("user_count") && !isPresence) {
    return { status: 400, text: "user_count is only available for presence channels" };
  }
  const subscriptionCount = ctx.registry.subscriptionCount(name);
  const body: Record<string, boolean | number> = { occupied: subscriptionCount > 0, subscription_count: subscriptionCount };
  if (isPresence) body.user_count = ctx.registry.userCount(name);
  return { status: 200, json: body };
}

/** GET /apps/{id}/channels/{name}/users — presence channels only. */
export function channelUsers(ctx: ProtocolContext, name: string): HttpResult {
  if (!isValidChannelName(name)) return { status: 400, text: "Invalid channel name" };
  if (channelKind(name) !== "presence") return { status: 400, text: "Users are only available for presence channels" };
  return { status: 200, json: { users: ctx.registry.userIds(name).map((id) => ({ id })) } };
}
