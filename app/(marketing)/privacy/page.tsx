import type { Metadata } from "next";
import Link from "next/link";
import { LegalPage } from "@/components/marketing/legal-page";

export const metadata: Metadata = { title: "Privacy policy", description: "What Nano Problem collects, why, who can see it and how long it is kept." };

export default function PrivacyPage() {
  return (
    <LegalPage
      title="Privacy policy"
      updated="2026-11-29"
      intro={
        <p>
          This page says what we collect, why, who can see it and how to reach us about it. It is a working draft that has
          not yet been reviewed by a lawyer, written to match how the platform actually works today.
        </p>
      }
    >
      <section>
        <h2>What we collect</h2>
        <ul>
          <li><strong>Your account:</strong> name, email address, an optional phone number, your time zone, and your password, which we store only as a one-way hash.</li>
          <li><strong>Your requests:</strong> the brief, the files you attach, due dates, messages on the assignment&apos;s timeline, and the work delivered to you.</li>
          <li><strong>Invoices and payments:</strong> amounts, dates and the reference the payment provider gives us. Card and PayPal account details go to Stripe or PayPal, never to us.</li>
          <li><strong>Security records:</strong> sign-in attempts and the IP address they came from, to slow down password guessing; and a log of every action our staff take, with who, what and when.</li>
        </ul>
      </section>
      <section>
        <h2>Why we use it</h2>
        <p>
          To run the service you ask for: to match your request with a teacher, deliver the work, invoice you, take payment,
          notify you of progress and keep your account safe. We do not sell your data, and we do not use it for advertising.
        </p>
      </section>
      <section>
        <h2>Who can see it</h2>
        <ul>
          <li>Your files and assignment details: you, the teachers on that assignment, and our support staff and admins.</li>
          <li>Files have no public link. Every download is checked against the assignment the file belongs to.</li>
          <li>Service providers that process data for us: Stripe and PayPal for payments, and, where we use them, our file storage and real-time messaging providers. They may use it only to provide their service to us.</li>
        </ul>
      </section>
      <section>
        <h2>Cookies</h2>
        <p>
          We set one cookie to keep you signed in, and a few that protect the sign-in form. There are no advertising or
          tracking cookies and no third-party analytics on this site.
        </p>
      </section>
      <section>
        <h2>How long we keep it</h2>
        <p>
          We keep your account and assignments while your account is open, and invoices and payment records for as long as
          tax and accounting law requires. Security records are kept for as long as they are useful to protect the service.
        </p>
      </section>
      <section>
        <h2>Your choices and rights</h2>
        <p>
          You can see and correct your details on your profile page. To get a copy of your data, or to have your account
          and files deleted, email <a href="mailto:support@nanoproblem.test">support@nanoproblem.test</a>. We answer within
          30 days. Records we must keep by law are kept until that duty ends.
        </p>
      </section>
      <section>
        <h2>Contact</h2>
        <p>
          Questions about privacy go to <a href="mailto:support@nanoproblem.test">support@nanoproblem.test</a>, or see the{" "}
          <Link href="/contact">contact page</Link>. Read our <Link href="/terms">terms of service</Link> too.
        </p>
      </section>
    </LegalPage>
  );
}
