import type { VisitorMessage, VisitorSession } from "@/db/schema";
import type { VisitorMessageView, VisitorSessionPublic } from "./types";

export function visitorMessageView(row: VisitorMessage, authorName: string | null): VisitorMessageView {
  return {
    id: row.id,
    sessionId: row.sessionId,
    seq: row.seq,
    author: row.authorKind,
    authorName: row.authorKind === "staff" ? authorName : null,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Only what the visitor may know: no email, IP, page or the CS rep's id. */
export function visitorSessionPublic(row: VisitorSession, agentName: string | null): VisitorSessionPublic {
  return {
    id: row.id,
    status: row.status,
    offline: row.offline,
    name: row.name,
    agentName: row.claimedBy ? agentName : null,
    lastSeq: row.lastSeq,
    staffReadSeq: row.staffReadSeq,
    createdAt: row.createdAt.toISOString(),
  };
}
