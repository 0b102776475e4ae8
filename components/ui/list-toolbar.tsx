import { Search } from "lucide-react";
import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";

export type ListTab = { key: string; label: string; href: string; current: boolean; testId?: string };

type Props = {
  /** Names the tabs' nav for screen readers ("Upcoming or past meetings"). */
  tabsLabel: string;
  tabs: ListTab[];
  search: {
    action: string;
    id: string;
    label: string;
    placeholder: string;
    q: string;
    maxLength: number;
    /** The current tab's own parameter, kept when searching ({ when: "past" }); empty for the default tab. */
    keep?: Record<string, string>;
  };
};

/**
 * A list's tabs and search, both in the URL: the tabs are links and the search a plain GET form, so
 * they work before scripts load and a search can be shared or reloaded.
 */
export function ListToolbar({ tabsLabel, tabs, search }: Props) {
  return (
    <div className="mb-4 flex flex-col gap-3 md:flex-row md:items-center md:justify-between">
      <nav aria-label={tabsLabel} className="-mx-1 overflow-x-auto px-1">
        <div className="inline-flex items-center gap-1 rounded-lg bg-muted p-[3px]">
          {tabs.map((tab) => (
            <Link
              key={tab.key}
              href={tab.href}
              aria-current={tab.current ? "page" : undefined}
              data-testid={tab.testId}
              className={cn(
                "inline-flex h-8 items-center rounded-md px-3 text-sm font-medium whitespace-nowrap outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
                tab.current ? "bg-background text-foreground shadow-sm" : "text-slate-700 hover:text-foreground",
              )}
            >
              {tab.label}
            </Link>
          ))}
        </div>
      </nav>
      <form action={search.action} role="search" className="relative md:w-72">
        {Object.entries(search.keep ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <label htmlFor={search.id} className="sr-only">
          {search.label}
        </label>
        <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
        <input
          id={search.id}
          name="q"
          type="search"
          defaultValue={search.q}
          placeholder={search.placeholder}
          maxLength={search.maxLength}
          className="h-10 w-full rounded-md border border-input bg-background pr-3 pl-9 text-base shadow-xs outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 md:text-sm"
        />
      </form>
    </div>
  );
}

/** ListToolbar's shape while a list loads; `tabsWidth` is a Tailwind width class fitting its tabs. */
export function ListToolbarSkeleton({ tabsWidth }: { tabsWidth: string }) {
  return (
    <div className="mb-4 flex flex-col gap-3 md:flex-row md:justify-between">
      <Skeleton className={cn("h-9 max-w-full bg-slate-200", tabsWidth)} />
      <Skeleton className="h-10 w-full bg-slate-200 md:w-72" />
    </div>
  );
}
