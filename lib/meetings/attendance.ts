import type { Database } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { ServiceResult } from "@/lib/errors";

/** CONTRACT STUB (helper "reads" implements). A participant entered or left the room (join only while it is open). */
export async function recordRoomEvent(_db: Database, _actor: Actor, _meetingId: string, _event: unknown, _now: Date = new Date()): Promise<ServiceResult> {
  throw new Error("not implemented");
}
