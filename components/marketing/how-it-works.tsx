import { CreditCard, PackageCheck, Send, UserCheck } from "lucide-react";
import { Section } from "./section";

const steps = [
  {
    icon: Send,
    title: "Send your request",
    text: "Pick the service, describe the task, attach your brief and files, and set the due date in your own time zone.",
  },
  {
    icon: UserCheck,
    title: "Get matched with a vetted teacher",
    text: "Our support team offers your request to a teacher who knows the subject. Work starts once they accept; bigger jobs get helpers.",
  },
  {
    icon: CreditCard,
    title: "Review the invoice and pay",
    text: "Every invoice is checked and approved by an admin before it reaches you. Pay by card through Stripe, or with PayPal.",
  },
  {
    icon: PackageCheck,
    title: "Receive the delivery",
    text: "Accept it, or ask for a revision with your comments. Each revision arrives as a new version; earlier ones stay.",
  },
];

export function HowItWorks() {
  return (
    <Section
      id="how-it-works"
      eyebrow="How it works"
      title="From brief to finished work in four steps"
      lead="You always know where your assignment stands: every step is on its timeline, and you are notified when something needs you."
      tone="tint"
    >
      <ol className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
        {steps.map((step, index) => (
          <li key={step.title} className="relative rounded-2xl bg-white p-6 ring-1 ring-slate-200">
            <div className="flex items-center justify-between">
              <span className="flex size-11 items-center justify-center rounded-xl bg-brand-50 text-brand-700">
                <step.icon className="size-5" aria-hidden="true" />
              </span>
              <span className="font-mono text-sm font-medium text-slate-500" aria-hidden="true">0{index + 1}</span>
            </div>
            <h3 className="mt-6 text-base font-semibold text-slate-900">
              {step.title}
            </h3>
            <p className="mt-2 text-sm leading-6 text-slate-600">{step.text}</p>
          </li>
        ))}
      </ol>
    </Section>
  );
}
