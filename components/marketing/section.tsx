import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

type Props = {
  id: string;
  eyebrow: string;
  title: string;
  lead?: string;
  tone?: "white" | "tint" | "dark";
  children: ReactNode;
};

const tones = {
  white: { section: "bg-white", eyebrow: "text-brand-700", title: "text-slate-900", lead: "text-slate-600" },
  tint: { section: "bg-slate-50", eyebrow: "text-brand-700", title: "text-slate-900", lead: "text-slate-600" },
  dark: { section: "bg-brand-900", eyebrow: "text-brand-100", title: "text-white", lead: "text-brand-100" },
};

/** One home-page section: a landmark named by its heading, with the same rhythm as the others. */
export function Section({ id, eyebrow, title, lead, tone = "white", children }: Props) {
  const colours = tones[tone];
  return (
    <section id={id} aria-labelledby={`${id}-title`} className={cn("scroll-mt-16 py-20 sm:py-28", colours.section)}>
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <div className="max-w-2xl">
          <p className={cn("text-sm font-semibold uppercase tracking-wider", colours.eyebrow)}>{eyebrow}</p>
          <h2 id={`${id}-title`} className={cn("mt-3 text-3xl font-semibold tracking-tight text-balance sm:text-4xl", colours.title)}>
            {title}
          </h2>
          {lead && <p className={cn("mt-4 text-lg leading-8 text-pretty", colours.lead)}>{lead}</p>}
        </div>
        <div className="mt-14">{children}</div>
      </div>
    </section>
  );
}
