import { Search } from "lucide-react";
import Link from "next/link";
import { listHref } from "@/components/assignments/pagination";
import { cn } from "@/components/ui/cn";
import type { MeetingListQuery } from "@/lib/meetings/schemas";

const tabs = [
  { when: "upcoming", label: "Upcoming" },
  { when: "past", label: "Past" },
] as const;

/** "/meetings?when=past&q=lab&page=2", leaving out what is the default. */
export function meetingsHref(when: MeetingListQuery["when"], q: string, page = 1): string {
  return listHref("/meetings", { when: when === "upcoming" ? undefined : when, q, page });
}

/** Upcoming / Past as links and a plain GET search, so the URL holds both and it works before scripts load. */
export function MeetingToolbar({ when, q }: { when: MeetingListQuery["when"]; q: string }) {
  return (
    <div className="mb-4 flex flex-col gap-3 md:flex-row md:items-center md:justify-between">
      <nav aria-label="Upcoming or past meetings" className="-mx-1 overflow-x-auto px-1">
        <div className="inline-flex items-center gap-1 rounded-lg bg-muted p-[3px]">
          {tabs.map((tab) => (
            <Link
              key={tab.when}
              href={meetingsHref(tab.when, q)}
              aria-current={tab.when === when ? "page" : undefined}
              className={cn(
                "inline-flex h-8 items-center rounded-md px-3 text-sm font-medium whitespace-nowrap outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
                tab.when === when ? "bg-background text-foreground shadow-sm" : "text-slate-700 hover:text-foreground",
              )}
            >
              {tab.label}
            </Link>
          ))}
        </div>
      </nav>
      <form action="/meetings" role="search" className="relative md:w-72">
        {when !== "upcoming" ? <input type="hidden" name="when" value={when} /> : null}
        <label htmlFor="meeting-search" className="sr-only">
          Search meetings
        </label>
        <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
        <input
          id="meeting-search"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Search by title or person"
          maxLength={100}
          className="h-10 w-full rounded-md border border-input bg-background pr-3 pl-9 text-base shadow-xs outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 md:text-sm"
        />
      </form>
    </div>
  );
}
