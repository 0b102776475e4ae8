import { LIMITS } from "./config";

/** The slice of a connection the registry needs: an id to exclude and a way to push a frame. */
export interface Subscriber {
  readonly id: string;
  send(frame: Buffer): void;
}

export type ChannelKind = "public" | "private" | "presence";

export function channelKind(name: string): ChannelKind {
  if (name.startsWith("presence-")) return "presence";
  if (name.startsWith("private-")) return "private";
  return "public";
}

export type UserInfo = unknown;

interface PresenceMember {
  info: UserInfo;
  /** A user counts once however many tabs/sockets they have open; this tracks the sockets. */
  socketIds: Set<string>;
}

interface Channel {
  readonly subscribers: Map<string, Subscriber>;
  /** user_id per subscribed socket; presence channels only. */
  readonly userBySocket: Map<string, string>;
  readonly members: Map<string, PresenceMember>;
}

export type JoinResult =
  | { ok: true; alreadySubscribed: boolean; memberAdded: boolean }
  | { ok: false; reason: "member_limit" };

export interface LeaveResult {
  left: boolean;
  /** Set when the socket was the user's last one in a presence channel. */
  removedUserId?: string;
}

export interface PresenceSnapshot {
  count: number;
  ids: string[];
  hash: Record<string, UserInfo>;
}

/**
 * In-memory state for every channel of the single app this server hosts.
 * Empty channels are deleted straight away so that `/channels` only lists
 * occupied ones and memory tracks live subscriptions.
 */
export class ChannelRegistry {
  private readonly channels = new Map<string, Channel>();

  join(name: string, subscriber: Subscriber, member?: { userId: string; info: UserInfo }): JoinResult {
    const existing = this.channels.get(name);
    if (existing?.subscribers.has(subscriber.id)) return { ok: true, alreadySubscribed: true, memberAdded: false };

    if (member && existing && !existing.members.has(member.userId) && existing.members.size >= LIMITS.maxPresenceMembers) {
      return { ok: false, reason: "member_limit" };
    }
    const channel = existing ?? { subscribers: new Map(), userBySocket: new Map(), members: new Map() };
    if (!existing) this.channels.set(name, channel);
    channel.subscribers.set(subscriber.id, subscriber);

    if (!member) return { ok: true, alreadySubscribed: false, memberAdded: false };
    channel.userBySocket.set(subscriber.id, member.userId);
    const known = channel.members.get(member.userId);
    if (known) {
      known.socketIds.add(subscriber.id);
      return { ok: true, alreadySubscribed: false, memberAdded: false };
    }
    channel.members.set(member.userId, { info: member.info, socketIds: new Set([subscriber.id]) });
    return { ok: true, alreadySubscribed: false, memberAdded: true };
  }

  leave(name: string, socketId: string): LeaveResult {
    const channel = this.channels.get(name);
    if (!channel?.subscribers.delete(socketId)) return { left: false };

    let removedUserId: string | undefined;
    const userId = channel.userBySocket.get(socketId);
    if (userId !== undefined) {
      channel.userBySocket.delete(socketId);
      const member = channel.members.get(userId);
      member?.socketIds.delete(socketId);
      if (member && member.socketIds.size === 0) {
        channel.members.delete(userId);
        removedUserId = userId;
      }
    }
    if (channel.subscribers.size === 0) this.channels.delete(name);
    return removedUserId === undefined ? { left: true } : { left: true, removedUserId };
  }

  isSubscribed(name: string, socketId: string): boolean {
    return this.channels.get(name)?.subscribers.has(socketId) ?? false;
  }

  userIdOf(name: string, socketId: string): string | undefined {
    return this.channels.get(name)?.userBySocket.get(socketId);
  }

  /** Serialises nothing: the caller encodes once and the same buffer goes to every socket. */
  broadcast(name: string, frame: Buffer, exceptSocketId?: string): number {
    const channel = this.channels.get(name);
    if (!channel) return 0;
    let delivered = 0;
    for (const subscriber of channel.subscribers.values()) {
      if (subscriber.id === exceptSocketId) continue;
      subscriber.send(frame);
      delivered += 1;
    }
    return delivered;
  }

  presence(name: string): PresenceSnapshot {
    const members = this.channels.get(name)?.members ?? new Map<string, PresenceMember>();
    const hash: Record<string, UserInfo> = {};
    for (const [id, member] of members) hash[id] = member.info;
    return { count: members.size, ids: [...members.keys()], hash };
  }

  subscriptionCount(name: string): number {
    return this.channels.get(name)?.subscribers.size ?? 0;
  }

  userCount(name: string): number {
    return this.channels.get(name)?.members.size ?? 0;
  }

  userIds(name: string): string[] {
    return [...(this.channels.get(name)?.members.keys() ?? [])];
  }

  names(prefix = ""): string[] {
    return [...this.channels.keys()].filter((name) => name.startsWith(prefix));
  }
}
