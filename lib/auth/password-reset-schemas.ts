import { z } from "zod";
import { emailSchema } from "@/lib/validation";
import { newPasswordSchema } from "./schemas";

export const forgotPasswordSchema = z.object({ email: emailSchema });

/** The token comes from the page's hidden field; its own checks (findUsableToken) decide if it works. */
export const resetPasswordSchema = z
  .object({
    token: z.string().max(200),
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: "Confirm your new password" }).min(1, "Confirm your new password"),
  })
  .refine((value) => !value.confirmPassword || value.newPassword === value.confirmPassword, { path: ["confirmPassword"], message: "Passwords do not match" });

export const tokenOnlySchema = z.object({ token: z.string().max(200) });
