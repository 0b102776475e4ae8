import { createHmac } from "node:crypto";
import { meetingEnv, serverEnv } from "@/lib/env";

/** The room opens this long before a meeting's start (and closes at its end). */
export const ROOM_OPENS_BEFORE_MS = 10 * 60_000;

export type MeetingRules = {
  /** A new or moved meeting must start at least this far ahead. */
  minNoticeMs: number;
  /** Inside this much time before the start a student can no longer cancel or move a meeting. */
  studentChangeWindowMs: number;
};

export function meetingRules(): MeetingRules {
  const env = meetingEnv();
  return { minNoticeMs: env.MEETING_MIN_NOTICE_MINUTES * 60_000, studentChangeWindowMs: env.MEETING_STUDENT_CHANGE_WINDOW_HOURS * 3_600_000 };
}

/**
 * The room's ICE servers for one person. TURN entries listed without a username get short-lived
 * credentials when TURN_SHARED_SECRET is set (coturn's use-auth-secret: username "<expiry>:<user id>",
 * password base64(HMAC-SHA1(secret, username))), so no lasting TURN password reaches a browser.
 */
export function iceServers(userId: string, now: Date = new Date()): RTCIceServerConfig[] {
  const env = serverEnv();
  const secret = env.TURN_SHARED_SECRET;
  return env.ICE_SERVERS.map((server) => {
    const urls = Array.isArray(server.urls) ? server.urls : [server.urls];
    if (!secret || server.username || !urls.some((url) => url.startsWith("turn"))) return server;
    const username = `${Math.floor(now.getTime() / 1000) + env.TURN_CREDENTIAL_TTL_SECONDS}:${userId}`;
    return { ...server, username, credential: createHmac("sha1", secret).update(username).digest("base64") };
  });
}

export type RTCIceServerConfig = { urls: string | string[]; username?: string; credential?: string };
