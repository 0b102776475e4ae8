import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { mayJoinMeetingChannel } from "@/lib/meetings/policy";
import { mayJoinThreadChannels } from "@/lib/messaging/policy";

type ChannelPolicy = {
  pattern: RegExp;
  /** Receives the pattern's captures; true lets the actor subscribe. */
  allows(db: Executor, actor: Actor, captures: string[]): Promise<boolean>;
};

/**
 * One entry per channel family. Threads, visitor sessions and meetings add theirs here;
 * a channel no entry matches is refused.
 */
export const channelPolicies: ChannelPolicy[] = [
  { pattern: /^private-user-([0-9a-f-]{36})$/, allows: async (_db, actor, [userId]) => userId === actor.id },
  { pattern: /^private-thread-([0-9a-f-]{36})$/, allows: (db, actor, [threadId]) => mayJoinThreadChannels(db, actor, threadId ?? "") },
  { pattern: /^presence-thread-([0-9a-f-]{36})$/, allows: (db, actor, [threadId]) => mayJoinThreadChannels(db, actor, threadId ?? "") },
  // Visitor chat: every CS rep and admin may serve any visitor session; visitors join theirs by token (lib/visitor-chat/channel-auth.ts).
  { pattern: /^private-visitor-([0-9a-f-]{36})$/, allows: async (_db, actor) => can(actor, "visitors:serve") },
  { pattern: /^private-support$/, allows: async (_db, actor) => can(actor, "visitors:serve") },
  { pattern: /^presence-support$/, allows: async (_db, actor) => can(actor, "visitors:serve") },
  // Announcements to a role go out once on its channel; only that role's people may listen.
  { pattern: /^private-role-(student|teacher|cs_rep|admin)$/, allows: async (_db, actor, [role]) => actor.role === role && can(actor, "announcements:read") },
  // A meeting's room: its two participants, while the room is open (signaling for the call).
  { pattern: /^presence-meeting-([0-9a-f-]{36})$/, allows: (db, actor, [id]) => mayJoinMeetingChannel(db, actor, id ?? "") },
];
