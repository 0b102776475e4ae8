import { appUrl } from "@/lib/mail/app-url";
import { renderMail } from "@/lib/mail/layout";
import type { OutgoingMail } from "@/lib/mail/types";

/**
 * The token rides in the link's fragment (after #): browsers never send it to a server, so it
 * cannot reach a request log, a proxy's log or a Referer header. The page reads it and posts it.
 */
export function passwordResetMail(user: { id: string; email: string; name: string }, token: string, validMinutes: number): OutgoingMail {
  const url = appUrl(`/reset-password#token=${token}`);
  const content = renderMail({
    title: "Reset your password",
    paragraphs: [
      `Hello ${user.name},`,
      `Someone (we hope you) asked to reset the password of your Nano Problem account. The link works once, for ${validMinutes} minutes.`,
      "If you did not ask, ignore this email: your password stays as it is.",
    ],
    action: { label: "Choose a new password", url },
    footer: { reason: `You get this email because a password reset was requested for ${user.email}.` },
  });
  return { to: user.email, userId: user.id, kind: "password_reset", subject: "Reset your Nano Problem password", ...content };
}
