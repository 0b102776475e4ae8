import { dateTimeFormat } from "@/lib/intl/formatters";
import type { ReactNode } from "react";

type Props = { title: string; updated?: string; intro: ReactNode; children: ReactNode };

/** A readable page of prose: one column, a measured line length, and for policies the date they last changed. */
export function LegalPage({ title, updated, intro, children }: Props) {
  return (
    <article className="mx-auto max-w-3xl px-4 py-16 sm:px-6 sm:py-24">
      <header className="border-b border-slate-200 pb-8">
        <h1 className="text-4xl font-semibold tracking-tight text-slate-900 sm:text-5xl">{title}</h1>
        {updated && (
          <p className="mt-4 text-sm text-slate-600">
            Last updated <time dateTime={updated}>{formatUpdated(updated)}</time>
          </p>
        )}
        <div className="mt-6 text-lg leading-8 text-slate-600">{intro}</div>
      </header>
      <div className="mt-10 space-y-10 text-base leading-7 text-slate-700 [&_a]:font-medium [&_a]:text-brand-700 [&_a]:underline [&_a]:underline-offset-4 [&_section>h2]:text-xl [&_section>h2]:font-semibold [&_section>h2]:tracking-tight [&_section>h2]:text-slate-900 [&_section>p]:mt-4 [&_section>ul]:mt-4 [&_section>ul]:list-disc [&_section>ul]:pl-6 [&_section>ul>li]:mt-2">
        {children}
      </div>
    </article>
  );
}

function formatUpdated(isoDate: string): string {
  return dateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}
