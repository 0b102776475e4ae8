import { ListToolbar } from "@/components/ui/list-toolbar";
import type { QueueView } from "@/lib/visitor-chat/staff-schemas";

export const viewLabels: Record<QueueView, string> = { live: "Live", waiting: "Waiting", offline: "Offline leads", closed: "Closed" };

/** "/support/visitors?view=offline&q=maya", leaving out the defaults. */
export function queueHref(basePath: string, view: QueueView, q: string, cursor?: string | null): string {
  const params = new URLSearchParams();
  if (view !== "live") params.set("view", view);
  if (q) params.set("q", q);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `${basePath}?${query}` : basePath;
}

/** The lists and the search, both in the URL. */
export function QueueToolbar({ basePath, view, q }: { basePath: string; view: QueueView; q: string }) {
  return (
    <ListToolbar
      tabsLabel="Visitor lists"
      tabs={(Object.keys(viewLabels) as QueueView[]).map((value) => ({ key: value, label: viewLabels[value], href: queueHref(basePath, value, q), current: value === view, testId: `visitor-tab-${value}` }))}
      search={{ action: basePath, id: "visitor-search", label: "Search visitors", placeholder: "Search by name or email", q, maxLength: 200, keep: view !== "live" ? { view } : {} }}
    />
  );
}
