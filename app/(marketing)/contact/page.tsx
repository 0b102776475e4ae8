import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { Clock, Mail, MessageCircle } from "lucide-react";
import { LegalPage } from "@/components/marketing/legal-page";

export const metadata: Metadata = { title: "Contact", description: "How to reach Nano Problem's support team." };

export default function ContactPage() {
  return (
    <LegalPage
      title="Contact us"
      intro={<p>Questions before you start, help with an assignment, or something about an invoice: our support team reads every message.</p>}
    >
      <ul className="space-y-4">
        <ContactItem icon={Mail} title="Email">
          <a href="mailto:support@nanoproblem.test">support@nanoproblem.test</a>. Include your assignment code (such as
          ASG-000042) or invoice number if you have one, so we can find it straight away.
        </ContactItem>
        <ContactItem icon={Clock} title="When we answer">
          We aim to reply within one working day, and sooner for anything due in the next 48 hours.
        </ContactItem>
        <ContactItem icon={MessageCircle} title="Live chat">
          Live chat with our support team is coming to the <Link href="/">home page</Link>, so you can ask a question before
          you create an account. Until then, email is the quickest way to reach us.
        </ContactItem>
      </ul>
      <section>
        <h2>Already a student?</h2>
        <p>
          <Link href="/login">Sign in</Link> to see your assignments, deliveries and invoices; each one shows where it stands
          and what comes next.
        </p>
      </section>
    </LegalPage>
  );
}

function ContactItem({ icon: Icon, title, children }: { icon: typeof Mail; title: string; children: ReactNode }) {
  return (
    <li className="flex gap-4 rounded-2xl bg-slate-50 p-6 ring-1 ring-slate-200">
      <span className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-brand-600 text-white">
        <Icon className="size-5" aria-hidden="true" />
      </span>
      <div>
        <h2 className="font-semibold text-slate-900">{title}</h2>
        <p className="mt-1">{children}</p>
      </div>
    </li>
  );
}
