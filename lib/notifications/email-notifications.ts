import { AsyncLocalStorage } from "node:async_hooks";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { profiles, users, type Notification } from "@/db/schema";
import { appUrl } from "@/lib/mail/app-url";
import { queueMail } from "@/lib/mail/queue-mail";
import { notificationMail } from "@/lib/mail/templates/notification-email";
import type { MailAttachment } from "@/lib/mail/types";
import { emailKindInfo, emailKindOfNotification, type EmailKind } from "./email-kinds";
import { wantsEmail } from "./email-preferences";
import { unsubscribeToken } from "./email-unsubscribe-token";
import { openHref, safeNotificationLink } from "./links";
import { renderNotification } from "./render";

/** Where every notification email's footer sends people to change their choices. */
export const EMAIL_PREFERENCES_PATH = "/profile#email-notifications";

const quiet = new AsyncLocalStorage<boolean>();

/** The demo seed runs inside this: its made-up history is shown in the app, and emails no one. */
export function withoutNotificationEmails<T>(work: () => Promise<T>): Promise<T> {
  return quiet.run(true, work);
}

/** True inside withoutNotificationEmails: callers may skip building what the email would carry. */
export function notificationEmailsSilenced(): boolean {
  return quiet.getStore() === true;
}

type Recipient = { id: string; email: string; name: string; timeZone: string };

/** The person, if they are active, their role can get this kind, and they have not turned it off. */
async function recipientWhoWants(tx: Executor, userId: string, kind: EmailKind): Promise<Recipient | null> {
  const [row] = await tx
    .select({ id: users.id, email: users.email, status: users.status, role: users.role, name: profiles.fullName, timeZone: profiles.timeZone })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, userId));
  if (!row || row.status !== "active" || !emailKindInfo[kind].roles.includes(row.role)) return null;
  if (!(await wantsEmail(tx, userId, kind))) return null;
  return row;
}

async function queueFor(tx: Executor, recipient: Recipient, kind: EmailKind, text: { title: string; body: string | null; path: string | undefined; attachments?: MailAttachment[] }) {
  await queueMail(
    tx,
    notificationMail({
      recipient,
      kind,
      kindLabel: emailKindInfo[kind].label,
      actionLabel: emailKindInfo[kind].actionLabel,
      title: text.title,
      body: text.body,
      url: text.path ? appUrl(text.path) : null,
      preferencesUrl: appUrl(EMAIL_PREFERENCES_PATH),
      unsubscribeUrl: appUrl(`/unsubscribe?token=${encodeURIComponent(unsubscribeToken(recipient.id, kind))}`),
      attachments: text.attachments,
    }),
  );
}

export type NotificationEmail = {
  userId: string;
  kind: EmailKind;
  title: string;
  body?: string | null;
  /** A path inside the app ("/student/threads/…"); made absolute from APP_URL, never from a request. */
  link?: string | null;
  /** A meeting's .ics, for example. */
  attachments?: MailAttachment[];
};

/**
 * The hook for modules whose emails are not a notify() row: threads (a message unread for 10
 * minutes, once per thread until read) and meetings (an invitation or change, with its .ics). Call
 * it in the transaction of the change that causes it; it respects the person's choice and returns
 * whether an email was queued.
 */
export async function queueNotificationEmail(tx: Executor, email: NotificationEmail): Promise<boolean> {
  if (quiet.getStore()) return false;
  const recipient = await recipientWhoWants(tx, email.userId, email.kind);
  if (!recipient) return false;
  await queueFor(tx, recipient, email.kind, { title: email.title, body: email.body ?? null, path: safeNotificationLink(email.link), attachments: email.attachments });
  return true;
}

/**
 * Called by notify() in the same transaction: each new notification of an emailed type also goes
 * out by email to a recipient who wants it. Its button opens the notification (marking it read).
 */
export async function queueEmailsForNotifications(tx: Executor, rows: readonly Notification[]): Promise<void> {
  if (quiet.getStore()) return;
  for (const row of rows) {
    const kind = emailKindOfNotification(row.type);
    if (!kind) continue;
    const recipient = await recipientWhoWants(tx, row.userId, kind);
    if (!recipient) continue;
    const shown = renderNotification(row, recipient.timeZone);
    await queueFor(tx, recipient, kind, { title: shown.title, body: shown.body, path: safeNotificationLink(row.link) ? openHref(row.id) : undefined });
  }
}
