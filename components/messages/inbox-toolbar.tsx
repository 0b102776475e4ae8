import { Search } from "lucide-react";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { InboxFilter } from "@/lib/messaging/types";
import { filterLabels, inboxFilters } from "./labels";

/** "/messages?filter=unread&q=pendulum", leaving out what is the default. */
export function inboxHref(filter: InboxFilter, q: string, cursor?: string | null): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (filter !== "all") params.set("filter", filter);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `/messages?${query}` : "/messages";
}

/** Search (a plain GET form, so it works before scripts load) and the kind filters, both in the URL. */
export function InboxToolbar({ filter, q }: { filter: InboxFilter; q: string }) {
  return (
    <div className="mb-4 flex flex-col gap-3 md:flex-row md:items-center md:justify-between">
      <nav aria-label="Filter conversations" className="-mx-1 overflow-x-auto px-1">
        <div className="inline-flex items-center gap-1 rounded-lg bg-muted p-[3px]">
          {inboxFilters.map((value) => (
            <Link
              key={value}
              href={inboxHref(value, q)}
              aria-current={value === filter ? "page" : undefined}
              className={cn(
                "inline-flex h-8 items-center rounded-md px-3 text-sm font-medium whitespace-nowrap outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
                value === filter ? "bg-background text-foreground shadow-sm" : "text-slate-700 hover:text-foreground",
              )}
            >
              {filterLabels[value]}
            </Link>
          ))}
        </div>
      </nav>
      <form action="/messages" role="search" className="relative md:w-72">
        {filter !== "all" ? <input type="hidden" name="filter" value={filter} /> : null}
        <label htmlFor="inbox-search" className="sr-only">
          Search messages
        </label>
        <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
        <input
          id="inbox-search"
          name="q"
          type="search"
          defaultValue={q}
          placeholder="Search messages"
          maxLength={200}
          className="h-10 w-full rounded-md border border-input bg-background pr-3 pl-9 text-base shadow-xs outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 md:text-sm"
        />
      </form>
    </div>
  );
}
