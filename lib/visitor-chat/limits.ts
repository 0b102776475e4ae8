import type { RequestLimit } from "@/lib/rate-limit/request-limits";
import { VISITOR_LIMITS } from "./types";

/** New conversations from one address: a few an hour is plenty for people, little for a script. */
export const visitorSessionsPerIp: RequestLimit = { bucket: "visitor_session:ip", max: VISITOR_LIMITS.sessionsPerIpPerHour, windowMinutes: 60 };
/** Messages per visitor token (keyed by its hash) and per address (several visitors behind one NAT share it). */
export const visitorMessagesPerToken: RequestLimit = { bucket: "visitor_message:token", max: VISITOR_LIMITS.messagesPerTokenPerMinute, windowMinutes: 1 };
export const visitorMessagesPerIp: RequestLimit = { bucket: "visitor_message:ip", max: VISITOR_LIMITS.messagesPerIpPerMinute, windowMinutes: 1 };

export const SESSION_LIMIT_MESSAGE = "Too many conversations were started from your network. Try again in an hour.";
export const MESSAGE_LIMIT_MESSAGE = "You are sending messages very fast. Wait a minute and send again.";
