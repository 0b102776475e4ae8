"use server";

import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { verifyEmail } from "@/lib/auth/email-verification";
import { roleHome, type Role } from "@/lib/auth/roles";
import { clientIp } from "@/lib/http/client-ip";
import { formToObject } from "@/lib/validation";

export type VerifyOutcome = { verified: true; home: string; role: Role } | { verified: false };

// The token arrives as a form body (never a URL or a logged argument) from the page that read it.
export async function verifyEmailAction(formData: FormData): Promise<VerifyOutcome> {
  const result = await verifyEmail(getDb(), formToObject(formData), clientIp(await headers()));
  return result.ok ? { verified: true, home: roleHome[result.data.role], role: result.data.role } : { verified: false };
}
