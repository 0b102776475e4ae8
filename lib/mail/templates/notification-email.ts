import { renderMail } from "@/lib/mail/layout";
import type { MailAttachment, OutgoingMail } from "@/lib/mail/types";

type NotificationMailInput = {
  recipient: { id: string; email: string; name: string };
  /** The email kind (lib/notifications/email-kinds.ts), its label and button. */
  kind: string;
  kindLabel: string;
  actionLabel: string;
  title: string;
  body: string | null;
  url: string | null;
  preferencesUrl: string;
  unsubscribeUrl: string;
  attachments?: MailAttachment[];
};

/** A notification as an email: its title and text, one button, and the way out in the footer. */
export function notificationMail(input: NotificationMailInput): OutgoingMail {
  const content = renderMail({
    title: input.title,
    paragraphs: [`Hello ${input.recipient.name},`, ...(input.body ? [input.body] : [])],
    action: input.url ? { label: input.actionLabel, url: input.url } : undefined,
    footer: {
      reason: `You get this email because emails for “${input.kindLabel}” are on for ${input.recipient.email}. Change that on your profile page, or unsubscribe from this kind in one click.`,
      preferencesUrl: input.preferencesUrl,
      unsubscribeUrl: input.unsubscribeUrl,
    },
  });
  return {
    to: input.recipient.email,
    userId: input.recipient.id,
    kind: `notification:${input.kind}`,
    subject: input.title,
    ...content,
    attachments: input.attachments,
  };
}
