import type { Database } from "@/db/client";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { ensureSupportThread } from "@/lib/messaging/membership";
import { insertUserWithProfile, isUniqueViolation } from "@/lib/users/insert-user";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "@/lib/audit/record-audit";
import { attachVisitorSessionOnRegistration, publishAttachedSession } from "@/lib/visitor-chat/convert";
import { startEmailVerification } from "./email-verification";
import { hashPassword } from "./passwords";
import { registerSchema } from "./schemas";

const duplicateEmail = "An account with this email already exists. Sign in instead.";

/** Self-service sign-up; only students register themselves, and confirm their email through the link sent here. */
export async function registerStudent(db: Database, input: unknown, ip?: string): Promise<ServiceResult<{ userId: string; email: string }>> {
  const parsed = parseInput(registerSchema, input);
  if (!parsed.ok) return fail("invalid", "Check the highlighted fields", parsed.fieldErrors);
  const { fullName, email, password, timeZone, visitor } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    const { user, attached } = await db.transaction(async (tx) => {
      const created = await insertUserWithProfile(tx, { email, passwordHash, role: "student", fullName, timeZone });
      await startEmailVerification(tx, { id: created.user.id, email: created.user.email, name: fullName });
      await ensureSupportThread(tx, created.user.id);
      await recordAudit(tx, { id: created.user.id, ip }, { action: "user.registered", targetType: "user", targetId: created.user.id });
      const attached = visitor ? await attachVisitorSessionOnRegistration(tx, { userId: created.user.id, email: created.user.email, sessionId: visitor }) : null;
      return { user: created.user, attached };
    });
    if (attached) await publishAttachedSession(db, attached);
    return ok({ userId: user.id, email: user.email });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("conflict", duplicateEmail, { email: [duplicateEmail] });
    throw error;
  }
}
