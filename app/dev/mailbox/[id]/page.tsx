import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { Card, PageHeader } from "@/components/ui/card";
import { serverEnv } from "@/lib/env";
import { getMailboxMessage } from "@/lib/mail/mailbox";
import { formatDateTime } from "@/lib/time/format";
import { LinkedText } from "../linked-text";
import { MailStatusBadge } from "../mail-status-badge";

export const metadata = { title: "Email · Mailbox" };

// Links in the HTML version open in a new tab, as from a mail client, rather than inside the frame.
// The <base> goes inside <head>: before the doctype it would put the frame in quirks mode.
function withLinksInNewTab(html: string): string {
  const base = `<base target="_blank">`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${base}`) : `${base}${html}`;
}

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const message = await getMailboxMessage(getDb(), id);
  if (!message) notFound();
  const facts: [string, React.ReactNode][] = [
    ["From", serverEnv().MAIL_FROM],
    ["To", message.to],
    ["Kind", <span key="kind" className="font-mono text-xs">{message.kind}</span>],
    ["Written", formatDateTime(message.createdAt, "UTC")],
    ["Status", <MailStatusBadge key="status" status={message.status} />],
  ];
  if (message.lastError) facts.push(["Last error", message.lastError]);
  if (message.attachments.length > 0) facts.push(["Attachments", message.attachments.map((a) => `${a.filename} (${a.contentType})`).join(", ")]);
  return (
    <>
      <p className="mb-4 text-sm">
        <Link href="/dev/mailbox" className="font-medium text-brand-700 underline underline-offset-4 hover:text-brand-900">
          ← All emails
        </Link>
      </p>
      <PageHeader title={message.subject} />
      <div className="flex flex-col gap-6">
        <Card>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            {facts.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-slate-600">{label}</dt>
                <dd className="min-w-0 break-words text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title="HTML version">
          {/* No allow-scripts and no allow-same-origin: the email's HTML cannot run code or reach the app. */}
          <iframe
            title="HTML version"
            srcDoc={withLinksInNewTab(message.html)}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            className="h-[36rem] w-full rounded-md border bg-white"
          />
        </Card>
        <Card title="Text version">
          <LinkedText text={message.text} />
        </Card>
      </div>
    </>
  );
}
