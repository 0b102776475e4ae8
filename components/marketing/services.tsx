import { Check, FileText, GraduationCap, Sigma, type LucideIcon } from "lucide-react";
import { Section } from "./section";

type Service = { icon: LucideIcon; name: string; summary: string; youTell: string[]; youGet: string[] };

// What the request form asks for and what a delivery holds (lib/assignments/schemas.ts).
const services: Service[] = [
  {
    icon: FileText,
    name: "Written paper",
    summary: "Essays, reports, literature reviews and research papers, written to your brief.",
    youTell: ["Academic level, from high school to doctoral", "Paper type and length in pages or words", "Citation style: APA, MLA, Chicago, Harvard or IEEE"],
    youGet: ["The paper as files, by your due date", "Revisions on your comments, each a new version"],
  },
  {
    icon: Sigma,
    name: "Homework solutions",
    summary: "Worked solutions with every step shown, from calculus to code.",
    youTell: ["How many problems, and the course level", "The problem sets, as files or text"],
    youGet: ["Solutions written out or attached as files, with code and maths kept exactly as typed", "Revisions until each step is clear"],
  },
  {
    icon: GraduationCap,
    name: "Exam support",
    summary: "Preparation planned around your exam, in your time zone.",
    youTell: ["When the exam starts, and in which time zone", "How long it lasts and where it is held", "The topics it covers"],
    youGet: ["A teacher who prepares with you on those topics", "The score or outcome noted on your assignment"],
  },
];

const everyRequest = [
  "Attach up to 10 files at a time: PDFs, Office documents, images, archives, text and code",
  "Change the brief until a teacher accepts, or cancel before work starts",
  "Due dates and times shown in your own time zone",
];

export function Services() {
  return (
    <Section
      id="services"
      eyebrow="Services"
      title="Three kinds of help, each with a brief that fits"
      lead="The request form asks only what your kind of task needs, so your teacher starts with everything in one place."
    >
      <ul className="grid gap-6 lg:grid-cols-3">
        {services.map((service) => (
          <li key={service.name} className="flex flex-col rounded-2xl p-6 ring-1 ring-slate-200 sm:p-8">
            <span className="flex size-11 items-center justify-center rounded-xl bg-brand-600 text-white">
              <service.icon className="size-5" aria-hidden="true" />
            </span>
            <h3 className="mt-6 text-xl font-semibold text-slate-900">{service.name}</h3>
            <p className="mt-2 text-base leading-7 text-slate-600">{service.summary}</p>
            <Included title="You tell us" items={service.youTell} />
            <Included title="You get" items={service.youGet} />
          </li>
        ))}
      </ul>
      <div className="mt-10 rounded-2xl bg-slate-50 px-6 py-5 ring-1 ring-slate-200 sm:px-8">
        <h3 className="text-sm font-semibold text-slate-900">With every request</h3>
        <ul className="mt-3 grid gap-3 text-sm text-slate-600 md:grid-cols-3">
          {everyRequest.map((item) => (
            <li key={item} className="flex gap-2">
              <Check className="mt-0.5 size-4 shrink-0 text-brand-600" aria-hidden="true" />
              {item}
            </li>
          ))}
        </ul>
      </div>
    </Section>
  );
}

function Included({ title, items }: { title: string; items: string[] }) {
  return (
    <div className="mt-6 border-t border-slate-100 pt-6">
      <h4 className="text-sm font-semibold text-slate-900">{title}</h4>
      <ul className="mt-3 space-y-2.5">
        {items.map((item) => (
          <li key={item} className="flex gap-2.5 text-sm leading-6 text-slate-600">
            <Check className="mt-1 size-4 shrink-0 text-brand-600" aria-hidden="true" />
            {item}
          </li>
        ))}
      </ul>
    </div>
  );
}
