import { listHref } from "@/components/assignments/pagination";
import { ListToolbar } from "@/components/ui/list-toolbar";
import type { MeetingListQuery } from "@/lib/meetings/schemas";

const tabs = [
  { when: "upcoming", label: "Upcoming" },
  { when: "past", label: "Past" },
] as const;

/** "/meetings?when=past&q=lab&page=2", leaving out what is the default. */
export function meetingsHref(when: MeetingListQuery["when"], q: string, page = 1): string {
  return listHref("/meetings", { when: when === "upcoming" ? undefined : when, q, page });
}

/** Upcoming / Past and the search, both in the URL. */
export function MeetingToolbar({ when, q }: { when: MeetingListQuery["when"]; q: string }) {
  return (
    <ListToolbar
      tabsLabel="Upcoming or past meetings"
      tabs={tabs.map((tab) => ({ key: tab.when, label: tab.label, href: meetingsHref(tab.when, q), current: tab.when === when }))}
      search={{ action: "/meetings", id: "meeting-search", label: "Search meetings", placeholder: "Search by title or person", q, maxLength: 100, keep: when !== "upcoming" ? { when } : {} }}
    />
  );
}
