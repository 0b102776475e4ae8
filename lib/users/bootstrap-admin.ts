import { z } from "zod";
import type { Database } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { generateTemporaryPassword, hashPassword } from "@/lib/auth/passwords";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { emailSchema, personNameSchema, parseInput } from "@/lib/validation";
import { insertUserWithProfile, isUniqueViolation } from "./insert-user";

const bootstrapAdminSchema = z.object({ email: emailSchema, fullName: personNameSchema });

/**
 * An admin created from the command line (`npm run admin:create`), for a production database
 * with nobody to create one in the app. The password is temporary and must be changed at sign-in.
 */
export async function bootstrapAdmin(db: Database, input: unknown): Promise<ServiceResult<{ userId: string; publicId: string; temporaryPassword: string }>> {
  const parsed = parseInput(bootstrapAdminSchema, input);
  if (!parsed.ok) return fail("invalid", "Check the email and name", parsed.fieldErrors);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  try {
    const { user, profile } = await db.transaction(async (tx) => {
      const created = await insertUserWithProfile(tx, { ...parsed.data, passwordHash, role: "admin", mustChangePassword: true });
      await recordAudit(tx, null, { action: "user.created_from_cli", targetType: "user", targetId: created.user.id, metadata: { email: parsed.data.email } });
      return created;
    });
    return ok({ userId: user.id, publicId: profile.publicId, temporaryPassword });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("conflict", "An account with this email already exists");
    throw error;
  }
}
