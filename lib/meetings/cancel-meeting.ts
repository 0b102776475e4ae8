import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { ServiceResult } from "@/lib/errors";

/** CONTRACT STUB (helper "core" implements). */
export async function cancelMeeting(_db: Database, _actor: Actor, _meetingId: string, _input: unknown, _now: Date = new Date()): Promise<ServiceResult> {
  throw new Error("not implemented");
}
