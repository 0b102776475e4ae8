import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { ServiceResult } from "@/lib/errors";

/** CONTRACT STUB (helper "core" implements). */
export async function createMeeting(_db: Database, _actor: Actor, _input: unknown, _now: Date = new Date()): Promise<ServiceResult<{ meetingId: string }>> {
  throw new Error("not implemented");
}
