import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { Logo } from "@/components/portal/logo";
import { mailboxEnabled } from "@/lib/mail/mailbox";

export const metadata: Metadata = { robots: { index: false, follow: false } };
// Read at request time: whether it exists is the server's environment, not the build's.
export const dynamic = "force-dynamic";

export default function MailboxLayout({ children }: { children: ReactNode }) {
  if (!mailboxEnabled()) notFound();
  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="border-b bg-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3">
          <Logo href="/" />
          <p className="text-sm text-slate-600">Local mailbox — development and tests only</p>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
