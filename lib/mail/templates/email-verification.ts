import { appUrl } from "@/lib/mail/app-url";
import { renderMail } from "@/lib/mail/layout";
import type { OutgoingMail } from "@/lib/mail/types";

/** Like the reset link, the token is in the fragment so it never reaches a server log. */
export function emailVerificationMail(user: { id: string; email: string; name: string }, token: string, validHours: number): OutgoingMail {
  const url = appUrl(`/verify-email#token=${token}`);
  const content = renderMail({
    title: "Confirm your email",
    paragraphs: [
      `Hello ${user.name},`,
      `Welcome to Nano Problem. Confirm that this is your email address to request help and pay invoices. The link works for ${validHours} hours.`,
      "If you did not create an account, ignore this email.",
    ],
    action: { label: "Confirm my email", url },
    footer: { reason: `You get this email because a Nano Problem account was created with ${user.email}.` },
  });
  return { to: user.email, userId: user.id, kind: "email_verification", subject: "Confirm your email for Nano Problem", ...content };
}
