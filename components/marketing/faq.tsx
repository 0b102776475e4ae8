import Link from "next/link";
import type { ReactNode } from "react";
import { ChevronDown } from "lucide-react";
import { Section } from "./section";

const questions: { q: string; a: ReactNode }[] = [
  {
    q: "How much does it cost?",
    a: "Each request is priced on its own: the length, the level and the time until it is due all count. After you send your request, our support team prepares an invoice and an admin approves it. You see the full amount, line by line, before you pay anything.",
  },
  {
    q: "How is my teacher chosen?",
    a: "Our support team reads your request and offers it to a teacher who works in that subject. The teacher accepts or declines; if they decline, the request goes back to be matched again. Larger tasks can have helpers working with the main teacher.",
  },
  {
    q: "How do I pay, and is it safe?",
    a: "By card through Stripe Checkout, or with PayPal. Your card details go to Stripe or PayPal, never to us. A payment counts only when the provider confirms it to our server, and a refund is sent back through the provider you paid with.",
  },
  {
    q: "Who can see my files?",
    a: "Only you, the teachers on your assignment and our support staff. Files have no public link: every download is checked against the assignment it belongs to, and is refused to anyone else.",
  },
  {
    q: "What if the delivery is not what I asked for?",
    a: "Ask for a revision and say what should change. Your teacher delivers a new version, and the earlier versions stay on your assignment so you can compare them. When you are happy, accept the delivery to complete the assignment.",
  },
  {
    q: "Can I change or cancel my request?",
    a: "You can change the brief until a teacher accepts it, and cancel the request until work has started. After that, contact us and our support team will help.",
  },
  {
    q: "Is using Nano Problem allowed by my school?",
    a: "Rules differ between schools and courses, and you are responsible for following yours. Our teachers explain, model and check work so that you can learn from it; do not hand in work as your own where your institution does not allow it.",
  },
  {
    q: "How do I reach you?",
    a: (
      <>
        Email <a href="mailto:support@nanoproblem.test" className="font-medium text-brand-700 underline underline-offset-4">support@nanoproblem.test</a> or see the{" "}
        <Link href="/contact" className="font-medium text-brand-700 underline underline-offset-4">contact page</Link>. Once you have an account, your
        assignment page keeps everything about it in one place.
      </>
    ),
  },
];

export function Faq() {
  return (
    <Section id="faq" eyebrow="FAQ" title="Questions students ask before they start" tone="tint">
      <div className="mx-auto max-w-3xl divide-y divide-slate-200 rounded-2xl bg-white ring-1 ring-slate-200">
        {questions.map(({ q, a }) => (
          <details key={q} className="group">
            <summary className="flex cursor-pointer list-none items-center justify-between gap-6 rounded-2xl px-6 py-5 text-left text-base font-medium text-slate-900 hover:text-brand-700 [&::-webkit-details-marker]:hidden">
              {q}
              <ChevronDown className="size-5 shrink-0 text-slate-500 transition-transform group-open:rotate-180" aria-hidden="true" />
            </summary>
            <p className="px-6 pb-6 text-base leading-7 text-slate-600">{a}</p>
          </details>
        ))}
      </div>
    </Section>
  );
}
