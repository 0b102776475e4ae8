import { eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { meetings, type Meeting, type Notification } from "@/db/schema";
import { fail, ok, type AppErrorCode, type FieldErrors, type ServiceResult } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { publishNotifications } from "@/lib/notifications/publish";
import { findMeetingParticipation, type MeetingParticipation } from "./policy";

/** Thrown inside a meeting's transaction to roll it back and answer with this failure. */
export class Refused extends Error {
  constructor(readonly result: ServiceResult<never>) {
    super(result.ok ? "refused" : result.message);
    this.name = "Refused";
  }
}

export function refuse(code: AppErrorCode, message: string, fieldErrors: FieldErrors = {}): never {
  throw new Refused(fail(code, message, fieldErrors));
}

export function refuseWith(result: Extract<ServiceResult<unknown>, { ok: false }>): never {
  throw new Refused(fail(result.code, result.message, result.fieldErrors));
}

export type Outcome<T> = { data: T; notifications: Notification[] };

export const meetingNotFound = () => fail("not_found", "Meeting not found");

/**
 * Runs a change in one transaction; a refusal anywhere in it writes nothing. The bells it rang are
 * published only once it has committed, so no tab is told of a change that was rolled back.
 */
export async function runMeetingChange<T>(db: Database, work: (tx: Transaction) => Promise<Outcome<T>>): Promise<ServiceResult<T>> {
  let outcome: Outcome<T>;
  try {
    outcome = await db.transaction(work);
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
  await publishNotifications(outcome.notifications);
  return ok(outcome.data);
}

/**
 * A change to an existing meeting: its row is locked first, so changes to one meeting queue up and
 * each sees the one before it. Anyone but its two participants is told it does not exist.
 */
export function changeMeeting<T>(db: Database, actor: Actor, meetingId: string, work: (tx: Transaction, participation: MeetingParticipation) => Promise<Outcome<T>>): Promise<ServiceResult<T>> {
  return runMeetingChange(db, async (tx) => {
    const participation = await findMeetingParticipation(tx, actor, meetingId, { lock: true });
    if (!participation) throw new Refused(meetingNotFound());
    return work(tx, participation);
  });
}

const statusWords: Record<string, string> = { completed: "is over", cancelled: "was cancelled", declined: "was declined" };

/** Only a scheduled meeting that has not started can still be answered or changed. */
export function requireChangeable(participation: MeetingParticipation, now: Date): void {
  const { meeting } = participation;
  if (meeting.status !== "scheduled") refuse("conflict", `This meeting ${statusWords[meeting.status] ?? "can no longer change"}`);
  if (meeting.startsAt <= now) refuse("conflict", "This meeting has already started");
}

/** Writes a change to the meeting row with the next version (every change bumps it, for stale forms). */
export async function saveMeeting(tx: Transaction, meeting: Meeting, set: Partial<typeof meetings.$inferInsert>): Promise<Meeting> {
  const [saved] = await tx
    .update(meetings)
    .set({ ...set, version: meeting.version + 1, updatedAt: new Date() })
    .where(eq(meetings.id, meeting.id))
    .returning();
  if (!saved) throw new Error(`meeting ${meeting.id} vanished while locked`);
  return saved;
}

/** A waiting counter-proposal is dropped by any other change to the meeting. */
export const noProposal = { proposedStartsAt: null, proposedEndsAt: null, proposedBy: null, proposalNote: null } as const;
