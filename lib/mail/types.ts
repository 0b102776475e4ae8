/** One message to one person, as a use of the mail module hands it over. */
export type OutgoingMail = {
  to: string;
  /** The person it is for, when known: lets the mailbox and the outbox be read per user. */
  userId?: string | null;
  /** What the message is, e.g. "password_reset", "email_verification", "notification:delivery_submitted". */
  kind: string;
  subject: string;
  text: string;
  html: string;
  /** `content` is base64, so a binary attachment (a calendar file, a PDF) survives the outbox's JSON. */
  attachments?: MailAttachment[];
};

export type MailAttachment = { filename: string; contentType: string; content: string };
