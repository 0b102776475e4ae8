import { Search } from "lucide-react";

/** A plain GET search, so it works before scripts load and can be shared. */
export function AnnouncementSearch({ action, q }: { action: string; q: string }) {
  return (
    <form action={action} role="search" className="relative mb-4 md:w-72">
      <label htmlFor="announcement-search" className="sr-only">
        Search announcements
      </label>
      <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
      <input
        id="announcement-search"
        name="q"
        type="search"
        defaultValue={q}
        placeholder="Search announcements"
        maxLength={100}
        className="h-10 w-full rounded-md border border-input bg-background pr-3 pl-9 text-base shadow-xs outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 md:text-sm"
      />
    </form>
  );
}
