import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { ServiceResult } from "@/lib/errors";

/** CONTRACT STUB (helper "core" implements). The invitee proposes another time. */
export async function proposeNewTime(_db: Database, _actor: Actor, _meetingId: string, _input: unknown, _now: Date = new Date()): Promise<ServiceResult> {
  throw new Error("not implemented");
}

/** CONTRACT STUB. The organizer accepts (the meeting moves) or declines the proposal. */
export async function answerProposal(_db: Database, _actor: Actor, _meetingId: string, _input: unknown, _now: Date = new Date()): Promise<ServiceResult> {
  throw new Error("not implemented");
}
