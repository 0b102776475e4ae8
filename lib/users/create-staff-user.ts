import type { Database } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { generateTemporaryPassword, hashPassword } from "@/lib/auth/passwords";
import { requirePermission } from "@/lib/auth/require-permission";
import { roleLabel } from "@/lib/auth/roles";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { publishNotifications } from "@/lib/notifications/publish";
import { joinStaffThreads } from "@/lib/messaging/membership";
import { parseInput } from "@/lib/validation";
import { createStaffSchema } from "./schemas";
import { insertUserWithProfile, isUniqueViolation } from "./insert-user";

type Created = { userId: string; publicId: string; email: string; temporaryPassword: string };

const duplicateEmail = "An account with this email already exists";

/** The temporary password is returned once, for the admin to hand over; only its hash is kept. */
export async function createStaffUser(db: Database, actor: Actor, input: unknown): Promise<ServiceResult<Created>> {
  requirePermission(actor, "users:create-staff");
  const parsed = parseInput(createStaffSchema, input);
  if (!parsed.ok) return fail("invalid", "Check the highlighted fields", parsed.fieldErrors);
  const { fullName, email, role, title } = parsed.data;
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  try {
    const created = await db.transaction(async (tx) => {
      const { user, profile } = await insertUserWithProfile(tx, { email, passwordHash, role, fullName, title, mustChangePassword: true });
      if (role === "cs_rep" || role === "admin") await joinStaffThreads(tx, user.id);
      await recordAudit(tx, actor, {
        action: "user.created",
        targetType: "user",
        targetId: user.id,
        metadata: { email, role, publicId: profile.publicId },
      });
      const notifications = await notify(tx, [user.id], {
        type: "account.created",
        title: `Welcome to Nano Problem`,
        body: `${actor.name} created your ${roleLabel[role]} account.`,
        link: "/profile",
      });
      return { user, profile, notifications };
    });
    await publishNotifications(created.notifications);
    return ok({ userId: created.user.id, publicId: created.profile.publicId, email, temporaryPassword });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("conflict", duplicateEmail, { email: [duplicateEmail] });
    throw error;
  }
}
