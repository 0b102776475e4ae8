import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

const services = [
  { name: "Writing", text: "Essays, reports and research papers, written to your brief and citation style." },
  { name: "Homework", text: "Worked solutions with every step shown, from calculus to code." },
  { name: "Exam support", text: "Preparation and support around your exam date, in your time zone." },
];

export default function HomePage() {
  return (
    <div className="min-h-dvh bg-white">
      <header className="mx-auto flex max-w-6xl items-center justify-between px-4 py-4">
        <span className="text-lg font-semibold text-brand-700">Nano Problem</span>
        <nav aria-label="Account" className="flex gap-2">
          <Link href="/login" className={buttonClass("ghost")}>Sign in</Link>
          <Link href="/register" className={buttonClass("primary")}>Get help</Link>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 pb-24 pt-12">
        <h1 className="max-w-2xl text-4xl font-semibold tracking-tight sm:text-5xl">Academic help from teachers who know the subject.</h1>
        <p className="mt-4 max-w-xl text-lg text-slate-600">
          Send your brief, get a teacher matched to it, talk to them directly, and pay only for approved invoices.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href="/register" className={buttonClass("primary")}>Create a student account</Link>
          <Link href="/login" className={buttonClass("secondary")}>Sign in</Link>
        </div>
        <ul className="mt-16 grid gap-6 sm:grid-cols-3">
          {services.map((service) => (
            <li key={service.name} className="rounded-lg p-6 ring-1 ring-slate-200">
              <h2 className="font-semibold">{service.name}</h2>
              <p className="mt-2 text-sm text-slate-600">{service.text}</p>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
