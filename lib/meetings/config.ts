import { serverEnv } from "@/lib/env";

/** The room opens this long before a meeting's start (and closes at its end). */
export const ROOM_OPENS_BEFORE_MS = 10 * 60_000;

export type MeetingRules = {
  /** A new or moved meeting must start at least this far ahead. */
  minNoticeMs: number;
  /** Inside this much time before the start a student can no longer cancel or move a meeting. */
  studentChangeWindowMs: number;
};

export function meetingRules(): MeetingRules {
  const env = serverEnv();
  return { minNoticeMs: env.MEETING_MIN_NOTICE_MINUTES * 60_000, studentChangeWindowMs: env.MEETING_STUDENT_CHANGE_WINDOW_HOURS * 3_600_000 };
}

export function iceServers(): RTCIceServerConfig[] {
  return serverEnv().ICE_SERVERS;
}

export type RTCIceServerConfig = { urls: string | string[]; username?: string; credential?: string };
