import type { Role } from "@/lib/auth/roles";

/**
 * The notifications that also go out by email: the ones that matter when a person is away. Each
 * is a kind a person can turn off on their profile page (and by the unsubscribe link in the email).
 */
export const emailKinds = ["delivery_to_review", "offer_to_answer", "invoice_issued", "payment_received", "thread_message", "meeting_invitation"] as const;
export type EmailKind = (typeof emailKinds)[number];

type EmailKindInfo = {
  /** The preference's label on the profile page, and how the email names its kind. */
  label: string;
  description: string;
  /** The button in the email. */
  actionLabel: string;
  /** Who can receive it: only their preferences list it. */
  roles: readonly Role[];
  /** Notification types (notify()'s `type`) that are emailed as this kind. */
  notificationTypes: readonly string[];
  /**
   * False until the module that sends it exists; it is then left out of the preferences. Threads
   * (a message unread for 10 minutes, once per thread until read) and meetings (an invitation or a
   * change, with the .ics attached) call queueNotificationEmail (email-notifications.ts) themselves
   * with these kinds, and flip this flag.
   */
  live: boolean;
};

const everyone: readonly Role[] = ["student", "teacher", "cs_rep", "admin"];

export const emailKindInfo: Record<EmailKind, EmailKindInfo> = {
  delivery_to_review: {
    label: "A delivery to review",
    description: "A teacher delivered work on one of your assignments.",
    actionLabel: "Review the delivery",
    roles: ["student"],
    notificationTypes: ["assignment.delivered"],
    live: true,
  },
  offer_to_answer: {
    label: "An offer to answer",
    description: "You were offered an assignment, as its teacher or as a helper.",
    actionLabel: "Answer the offer",
    roles: ["teacher"],
    notificationTypes: ["assignment.offered", "assignment.helper_added"],
    live: true,
  },
  invoice_issued: {
    label: "An invoice issued",
    description: "A new invoice is ready for you to pay.",
    actionLabel: "View the invoice",
    roles: ["student"],
    notificationTypes: ["invoice.issued"],
    live: true,
  },
  payment_received: {
    label: "A payment received",
    description: "We received a payment from you; the email is your receipt.",
    actionLabel: "View the invoice",
    roles: ["student"],
    notificationTypes: ["payment.received"],
    live: true,
  },
  thread_message: {
    label: "A new message",
    description: "A message in one of your threads has been unread for 10 minutes.",
    actionLabel: "Read the message",
    roles: everyone,
    notificationTypes: [],
    live: true,
  },
  meeting_invitation: {
    label: "A meeting invitation or change",
    description: "You were invited to a meeting, one of your meetings changed, or one starts soon.",
    actionLabel: "See the meeting",
    roles: everyone,
    // Invitations and changes are emailed by lib/meetings with the .ics attached; reminders as they ring.
    notificationTypes: ["meeting.reminder"],
    live: true,
  },
};

export function isEmailKind(value: unknown): value is EmailKind {
  return typeof value === "string" && (emailKinds as readonly string[]).includes(value);
}

/** The kind a notification is emailed as, if it is emailed at all. */
export function emailKindOfNotification(type: string): EmailKind | undefined {
  return emailKinds.find((kind) => emailKindInfo[kind].notificationTypes.includes(type));
}

/** The kinds a person of this role can choose, in the order the profile page lists them. */
export function emailKindsForRole(role: Role): EmailKind[] {
  return emailKinds.filter((kind) => emailKindInfo[kind].live && emailKindInfo[kind].roles.includes(role));
}
