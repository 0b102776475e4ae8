import { z } from "zod";
import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { channelPolicies } from "./channel-policies";

export const channelAuthRequestSchema = z.object({
  socket_id: z.string().regex(/^\d+\.\d+$/, "socket_id is malformed"),
  channel_name: z.string().max(200).regex(/^(private|presence)-[A-Za-z0-9_\-=@,.;]+$/, "only private and presence channels need authorization"),
});

export type PresenceMember = { user_id: string; user_info: { name: string; role: Actor["role"] } };
export type ChannelDecision = { allowed: false } | { allowed: true; presence?: PresenceMember };

export async function authorizeChannel(db: Executor, actor: Actor, channel: string): Promise<ChannelDecision> {
  for (const policy of channelPolicies) {
    const match = policy.pattern.exec(channel);
    if (!match) continue;
    if (!(await policy.allows(db, actor, match.slice(1)))) return { allowed: false };
    const presence = channel.startsWith("presence-") ? { user_id: actor.id, user_info: { name: actor.name, role: actor.role } } : undefined;
    return { allowed: true, presence };
  }
  return { allowed: false };
}
