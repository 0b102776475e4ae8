import { BadgeCheck, BellRing, CreditCard, History, LockKeyhole, ReceiptText } from "lucide-react";
import { Section } from "./section";

const reasons = [
  {
    icon: BadgeCheck,
    title: "Vetted teachers",
    text: "Nobody signs up as a teacher. Our admins create every teacher account, and a teacher accepts each offer before work begins.",
  },
  {
    icon: LockKeyhole,
    title: "Private files",
    text: "Your brief and deliveries never have a public link. Each download is checked: only you, the teachers on your assignment and our support staff can open them.",
  },
  {
    icon: ReceiptText,
    title: "Pay only approved invoices",
    text: "Our support team drafts the invoice and an admin approves it before you see it. Each one is numbered and downloadable as a PDF.",
  },
  {
    icon: CreditCard,
    title: "Stripe and PayPal",
    text: "Pay by card through Stripe Checkout, or with PayPal. We never see your card number, and refunds go back the way you paid.",
  },
  {
    icon: History,
    title: "Every staff action audited",
    text: "Assigning teachers, approving invoices, recording payments and refunds: each is recorded with who did it and when.",
  },
  {
    icon: BellRing,
    title: "Nothing happens silently",
    text: "You are notified when a teacher accepts, a delivery arrives or an invoice is ready, and every step stays on the assignment's timeline.",
  },
];

export function Trust() {
  return (
    <Section
      id="trust"
      eyebrow="Why trust us"
      title="Built so your work and your money are safe"
      lead="These are not promises in a policy: they are how the platform works."
      tone="dark"
    >
      <ul className="grid gap-x-10 gap-y-12 sm:grid-cols-2 lg:grid-cols-3">
        {reasons.map((reason) => (
          <li key={reason.title}>
            <span className="flex size-11 items-center justify-center rounded-xl bg-white/10 text-white ring-1 ring-white/20">
              <reason.icon className="size-5" aria-hidden="true" />
            </span>
            <h3 className="mt-5 text-base font-semibold text-white">{reason.title}</h3>
            <p className="mt-2 text-sm leading-6 text-brand-100">{reason.text}</p>
          </li>
        ))}
      </ul>
    </Section>
  );
}
