import type { Executor } from "@/db/client";
import { channels } from "@/lib/realtime/channels";
import { findSessionByToken } from "./tokens";

/**
 * A visitor may join only the channel of the session their token proves (its newest): never
 * another session's, never staff channels. No token, no channel.
 */
export async function authorizeVisitorChannel(db: Executor, token: string | null, channelName: string): Promise<boolean> {
  if (!token || !channelName.startsWith("private-visitor-")) return false;
  const session = await findSessionByToken(db, token);
  return session !== null && channelName === channels.visitorSession(session.id);
}
