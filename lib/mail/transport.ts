import nodemailer from "nodemailer";
import type { MailOutboxRow, MailTransportName } from "@/db/schema";
import { serverEnv } from "@/lib/env";

/** Hands one outbox message to where it goes; throws when it could not (the job retries). */
export type MailTransport = {
  name: MailTransportName;
  send(message: MailOutboxRow): Promise<{ messageId: string | null }>;
};

/** Any SMTP relay: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`. */
export function smtpTransport(url: string, from: string, options: { timeoutMs?: number } = {}): MailTransport {
  const timeout = options.timeoutMs ?? 30_000;
  // A mail server that stops answering must fail the attempt, not hold the worker.
  const transporter = nodemailer.createTransport(url, { connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  return {
    name: "smtp",
    async send(message) {
      const info = await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content, "base64") })),
      });
      return { messageId: typeof info.messageId === "string" ? info.messageId : null };
    },
  };
}

/** No relay configured: the outbox row itself is the delivered message, read at /dev/mailbox. */
export const mailboxTransport: MailTransport = {
  name: "mailbox",
  async send() {
    return { messageId: null };
  },
};

export function mailTransportFromEnv(): MailTransport {
  const env = serverEnv();
  return env.SMTP_URL ? smtpTransport(env.SMTP_URL, env.MAIL_FROM) : mailboxTransport;
}
