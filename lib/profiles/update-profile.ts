import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { profiles } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { profileUpdateSchema, splitSubjects } from "./schemas";

/** Only the fields of the actor's own role are written; others in the input are ignored. */
export async function updateOwnProfile(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<{ userId: string }>> {
  requirePermission(actor, "profile:edit-own");
  const parsed = parseInput(profileUpdateSchema, input);
  if (!parsed.ok) return fail("invalid", "Check the highlighted fields", parsed.fieldErrors);
  const data = parsed.data;
  const common = { fullName: data.fullName, phone: data.phone, timeZone: data.timeZone, updatedAt: new Date() };
  const byRole = {
    student: { school: data.school, level: data.level },
    teacher: { subjects: splitSubjects(data.subjects), bio: data.bio, availabilityNote: data.availabilityNote },
    cs_rep: { title: data.title },
    admin: { title: data.title },
  }[actor.role];
  await db.update(profiles).set({ ...common, ...byRole }).where(eq(profiles.userId, actor.id));
  return ok({ userId: actor.id });
}
