"use server";

import { getDb } from "@/db/client";
import { formAction } from "@/lib/actions/form-action";
import { resendVerificationEmail } from "@/lib/auth/email-verification";

export const resendVerificationAction = formAction({ roles: ["student"] }, (actor) => resendVerificationEmail(getDb(), actor));
