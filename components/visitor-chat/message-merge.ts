import type { VisitorMessageView, VisitorSessionDetail } from "@/lib/visitor-chat/types";

/** Adds messages (from an event, a send or a catch-up) in seq order, each seq once. */
export function mergeMessages(session: VisitorSessionDetail, incoming: readonly VisitorMessageView[]): VisitorSessionDetail {
  if (incoming.length === 0) return session;
  const bySeq = new Map(session.messages.map((m) => [m.seq, m]));
  for (const message of incoming) if (message.sessionId === session.id) bySeq.set(message.seq, message);
  const messages = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  const lastSeq = Math.max(session.lastSeq, messages.at(-1)?.seq ?? 0);
  return { ...session, messages, lastSeq };
}

/** Whether the messages held run 1..n without a hole (a missed event leaves one). */
export function hasGap(session: VisitorSessionDetail): boolean {
  return session.messages.some((m, i) => m.seq !== i + 1) || (session.messages.at(-1)?.seq ?? 0) < session.lastSeq;
}

/** The staff message the visitor's "seen" receipt sits under: the newest one they have read. */
export function seenStaffSeq(session: VisitorSessionDetail): number | null {
  const seen = session.messages.filter((m) => m.author === "staff" && m.seq <= session.visitorReadSeq).at(-1);
  return seen?.seq ?? null;
}
