import type { ReactNode } from "react";
import { VerifyEmailBanner } from "@/components/auth/verify-email-banner";
import { getDb } from "@/db/client";
import { needsEmailVerification } from "@/lib/auth/email-verification";
import { requireRole } from "@/lib/auth/session";

/** Every student page: until the email is confirmed, a notice says why requests and payments wait. */
export default async function StudentLayout({ children }: { children: ReactNode }) {
  const actor = await requireRole("student");
  const unverified = await needsEmailVerification(getDb(), actor);
  return (
    <>
      {unverified ? <VerifyEmailBanner email={actor.email} /> : null}
      {children}
    </>
  );
}
