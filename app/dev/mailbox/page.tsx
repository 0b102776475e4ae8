import Link from "next/link";
import { Inbox } from "lucide-react";
import { getDb } from "@/db/client";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { listMailbox, MAILBOX_PAGE_SIZE } from "@/lib/mail/mailbox";
import { formatDateTime } from "@/lib/time/format";
import { MailStatusBadge } from "./mail-status-badge";

export const metadata = { title: "Mailbox" };

export default async function MailboxPage() {
  const messages = await listMailbox(getDb());
  return (
    <>
      <PageHeader
        title="Mailbox"
        description={`Every email the app sends while no SMTP relay is configured, newest first (the last ${MAILBOX_PAGE_SIZE}). Nothing here left this machine.`}
        actions={
          <Link href="/dev/mailbox" className={buttonClass("outline")}>
            Refresh
          </Link>
        }
      />
      {messages.length === 0 ? (
        <EmptyState title="No emails yet" icon={<Inbox />}>
          Ask for a password reset on the sign-in page, or register a student: the email appears here.
        </EmptyState>
      ) : (
        <ul className="divide-y rounded-xl border bg-white shadow-xs" aria-label="Emails">
          {messages.map((message) => (
            <li key={message.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
              <Link href={`/dev/mailbox/${message.id}`} className="min-w-0 rounded-md underline-offset-4 hover:underline focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none">
                <span className="block font-medium break-words text-slate-900">{message.subject}</span>
                <span className="sr-only"> — </span>
                <span className="block text-sm break-all text-slate-600">{message.to}</span>
              </Link>
              <div className="flex shrink-0 flex-wrap items-center gap-2 text-sm text-slate-600">
                <span className="font-mono text-xs">{message.kind}</span>
                <time dateTime={message.createdAt.toISOString()}>{formatDateTime(message.createdAt, "UTC")}</time>
                <MailStatusBadge status={message.status} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
