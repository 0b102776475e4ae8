import { Check, FileText } from "lucide-react";

const steps = [
  { label: "Request sent", detail: "Brief and 2 files attached" },
  { label: "Matched with a teacher", detail: "Mei Tanaka accepted the offer" },
  { label: "Invoice paid", detail: "INV-2026-00042 · $120.00 by Stripe" },
];

/** An illustration of an assignment page, drawn in markup so it costs no image download. */
export function ProductPreview() {
  return (
    <figure className="relative mx-auto w-full max-w-md lg:max-w-none">
      <div aria-hidden="true" className="absolute -inset-4 -z-10 rounded-[2rem] bg-gradient-to-tr from-brand-100 to-amber-50 blur-2xl" />
      <div aria-hidden="true" className="rounded-2xl bg-white p-5 shadow-xl ring-1 ring-slate-900/5 sm:p-6">
        <div className="flex items-start justify-between gap-4">
          <div className="min-w-0">
            <p className="font-mono text-xs text-slate-600">ASG-000042</p>
            <p className="mt-1 truncate font-semibold text-slate-900">Pendulum lab report</p>
            <p className="mt-1 text-sm text-slate-600">Physics · Written paper</p>
          </div>
          <span className="shrink-0 rounded-full bg-amber-50 px-2.5 py-1 text-xs font-medium text-amber-800 ring-1 ring-amber-200">Delivered</span>
        </div>
        <ol className="mt-6 space-y-4 border-t border-slate-100 pt-6">
          {steps.map((step) => (
            <li key={step.label} className="flex gap-3">
              <span className="mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full bg-brand-600 text-white">
                <Check className="size-3" strokeWidth={3} aria-hidden="true" />
              </span>
              <span className="text-sm">
                <span className="block font-medium text-slate-900">{step.label}</span>
                <span className="block text-slate-600">{step.detail}</span>
              </span>
            </li>
          ))}
          <li className="flex gap-3">
            <span className="mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full bg-white ring-2 ring-brand-600">
              <span className="size-2 rounded-full bg-brand-600" />
            </span>
            <span className="min-w-0 flex-1 text-sm">
              <span className="block font-medium text-slate-900">Version 2 delivered</span>
              <span className="mt-2 flex items-center gap-2 rounded-lg bg-slate-50 px-3 py-2 text-slate-700 ring-1 ring-slate-200">
                <FileText className="size-4 shrink-0 text-slate-600" aria-hidden="true" />
                <span className="truncate">pendulum-lab-report-v2.pdf</span>
              </span>
              <span className="mt-3 flex flex-wrap gap-2">
                <span className="rounded-md bg-brand-600 px-3 py-1.5 text-xs font-medium text-white">Accept delivery</span>
                <span className="rounded-md bg-white px-3 py-1.5 text-xs font-medium text-slate-700 ring-1 ring-slate-300">Ask for a revision</span>
              </span>
            </span>
          </li>
        </ol>
      </div>
      <figcaption className="sr-only">
        An example assignment: a physics lab report matched with a teacher, its invoice paid, and its second version
        delivered for the student to accept or send back for a revision.
      </figcaption>
    </figure>
  );
}
