import type { Executor } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { ServiceResult } from "@/lib/errors";
import type { InviteeAvailability } from "./types";

/** CONTRACT STUB (helper "reads" implements). The invitee's busy times (no details) on a day and free starts for the duration. Input: availabilityQuerySchema. */
export async function inviteeAvailability(_db: Executor, _actor: Actor, _input: unknown, _now: Date = new Date()): Promise<ServiceResult<InviteeAvailability>> {
  throw new Error("not implemented");
}
