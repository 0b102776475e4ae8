import { ListToolbar } from "@/components/ui/list-toolbar";
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

/** The kind filters and the search, both in the URL. */
export function InboxToolbar({ filter, q }: { filter: InboxFilter; q: string }) {
  return (
    <ListToolbar
      tabsLabel="Filter conversations"
      tabs={inboxFilters.map((value) => ({ key: value, label: filterLabels[value], href: inboxHref(value, q), current: value === filter }))}
      search={{ action: "/messages", id: "inbox-search", label: "Search messages", placeholder: "Search messages", q, maxLength: 200, keep: filter !== "all" ? { filter } : {} }}
    />
  );
}
