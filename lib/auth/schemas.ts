import { z } from "zod";
import { isTimeZone } from "@/lib/time-zones";
import { emailSchema, personNameSchema } from "@/lib/validation";

export const PASSWORD_MIN = 10;
// Argon2 cost grows with input; a cap keeps a hostile 1 MB password from tying up a core.
export const PASSWORD_MAX = 200;

export const newPasswordSchema = z
  .string({ error: "Enter a password" })
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters`);

function passwordIsNotEmail(password: string, email: string): boolean {
  const normalized = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  return normalized !== address && normalized !== address.split("@")[0];
}

/** The zone the sign-up form reads from the browser; missing, unknown or forged, it is UTC rather than an error. */
export const browserTimeZoneSchema = z.unknown().optional().transform((value) => (typeof value === "string" && isTimeZone(value) ? value : "UTC"));

export const registerSchema = z
  .object({
    fullName: personNameSchema,
    timeZone: browserTimeZoneSchema,
    email: emailSchema,
    password: newPasswordSchema,
    confirmPassword: z.string({ error: "Confirm your password" }).min(1, "Confirm your password"),
    // The chat widget's "Create an account" link carries the visitor's session; a malformed one is ignored.
    visitor: z.uuid().optional().catch(undefined),
  })
  .superRefine((value, ctx) => {
    // An empty confirmation already says "Confirm your password"; a mismatch would only repeat it.
    if (value.confirmPassword && value.password !== value.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "Passwords do not match" });
    }
    if (!passwordIsNotEmail(value.password, value.email)) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "Password cannot be your email address" });
    }
  });

export const signInSchema = z.object({
  email: z.string({ error: "Enter your email" }).trim().toLowerCase().min(1, "Enter your email").max(254, "Email must be at most 254 characters"),
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(PASSWORD_MAX, "Email or password is incorrect"),
  next: z.string().max(2000).optional(),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(PASSWORD_MAX),
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: "Confirm your new password" }).min(1, "Confirm your new password"),
  })
  .superRefine((value, ctx) => {
    if (value.confirmPassword && value.newPassword !== value.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "Passwords do not match" });
    }
    if (value.newPassword === value.currentPassword) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "Choose a password different from the current one" });
    }
  });

/** After an admin reset the user has just proven the temporary password by signing in. */
export const forcedPasswordChangeSchema = z
  .object({
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: "Confirm your new password" }).min(1, "Confirm your new password"),
  })
  .refine((value) => !value.confirmPassword || value.newPassword === value.confirmPassword, { path: ["confirmPassword"], message: "Passwords do not match" });

export { passwordIsNotEmail };
export type RegisterInput = z.infer<typeof registerSchema>;
