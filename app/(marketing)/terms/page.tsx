import type { Metadata } from "next";
import Link from "next/link";
import { LegalPage } from "@/components/marketing/legal-page";

export const metadata: Metadata = { title: "Terms of service", description: "The terms for using Nano Problem's academic-help service." };

export default function TermsPage() {
  return (
    <LegalPage
      title="Terms of service"
      updated="2026-11-29"
      intro={
        <p>
          These terms describe, in plain words, how Nano Problem works and what we and you agree to when you use it. They
          are a working draft that has not yet been reviewed by a lawyer; if anything here is unclear, <Link href="/contact">ask us</Link>.
        </p>
      }
    >
      <section>
        <h2>1. The service</h2>
        <p>
          Nano Problem connects students with teachers for academic help: written papers, homework solutions and exam
          support. You send a request with a brief; our support team offers it to a teacher; the teacher delivers the work
          on the platform, where you can accept it or ask for a revision.
        </p>
      </section>
      <section>
        <h2>2. Your account</h2>
        <ul>
          <li>You must give accurate details and keep your password to yourself. You are responsible for what is done with your account.</li>
          <li>Teacher and staff accounts are created by our admins; nobody can sign up as a teacher.</li>
          <li>We may block an account that breaks these terms. A blocked account is signed out everywhere at once.</li>
        </ul>
      </section>
      <section>
        <h2>3. Academic integrity</h2>
        <p>
          Schools and courses have their own rules about outside help. You are responsible for knowing and following
          yours. Work delivered through Nano Problem is meant to help you learn: to explain, to model and to check. Do not
          submit it as your own where your institution does not allow that. We may decline a request that asks us to break
          such rules.
        </p>
      </section>
      <section>
        <h2>4. Prices, invoices and payment</h2>
        <ul>
          <li>Each request is priced on its own. You owe nothing until you receive an invoice that an admin has approved.</li>
          <li>Invoices show their line items, currency and due date. You pay by card through Stripe or with PayPal; both process the payment under their own terms.</li>
          <li>A payment counts once the payment provider confirms it to us.</li>
        </ul>
      </section>
      <section>
        <h2>5. Deliveries, revisions and cancellation</h2>
        <ul>
          <li>Your teacher delivers on the platform by the due date shown on your assignment. If a due date has to move, we tell you.</li>
          <li>You can ask for a revision of a delivery, saying what should change. Each revision is delivered as a new version; earlier versions remain available to you.</li>
          <li>You can change the brief until a teacher accepts the request, and cancel it until work starts. After that, contact support.</li>
        </ul>
      </section>
      <section>
        <h2>6. Refunds</h2>
        <p>
          If we cannot deliver what we agreed, or you cancel before work starts after paying, contact us and we will refund
          the amount that is due, in full or in part, through the provider you paid with. Refunds reach you on that
          provider&apos;s usual timeline.
        </p>
      </section>
      <section>
        <h2>7. Your files and the work delivered</h2>
        <p>
          You keep the rights to the files you upload, and you give us and the teachers on your assignment permission to use
          them only to do the work you asked for. Once an invoice is paid, the delivered work is yours to use within the
          limits of section 3.
        </p>
      </section>
      <section>
        <h2>8. What you must not do</h2>
        <ul>
          <li>Upload anything you have no right to share, or anything harmful (such as programs or malicious files).</li>
          <li>Try to reach other users&apos; assignments, files or accounts.</li>
          <li>Use the service to harass teachers or staff.</li>
        </ul>
      </section>
      <section>
        <h2>9. Liability</h2>
        <p>
          We take care to match you with a capable teacher and to keep the service running, but we cannot promise a grade
          or an outcome. To the extent the law allows, our liability for any request is limited to the amount you paid for it.
        </p>
      </section>
      <section>
        <h2>10. Changes and contact</h2>
        <p>
          If we change these terms, we update the date at the top of this page and tell account holders about significant
          changes. Questions go to <a href="mailto:support@nanoproblem.test">support@nanoproblem.test</a>. See also our{" "}
          <Link href="/privacy">privacy policy</Link>.
        </p>
      </section>
    </LegalPage>
  );
}
