import { QueueList } from "@/components/visitor-chat/queue-list";
import { QueueToolbar } from "@/components/visitor-chat/queue-toolbar";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { listVisitorQueue } from "@/lib/visitor-chat/queue-queries";
import { queueQuerySchema } from "@/lib/visitor-chat/staff-schemas";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The visitor console's queue, shared by /support/visitors and /admin/visitors. */
export async function VisitorQueuePage({ basePath, searchParams }: { basePath: string; searchParams: SearchParams }) {
  const actor = await requireUser();
  const sp = await searchParams;
  const { view, q, cursor } = queueQuerySchema.parse({ view: first(sp.view), q: first(sp.q) ?? "", cursor: first(sp.cursor) ?? null });
  const page = await listVisitorQueue(getDb(), actor, { view, q, cursor });
  return (
    <>
      <PageHeader title="Visitors" description="People chatting from the website widget. Take a waiting visitor to answer them." />
      <QueueToolbar basePath={basePath} view={view} q={q} />
      <QueueList key={`${view}|${q}|${cursor ?? ""}`} basePath={basePath} view={view} q={q} cursor={cursor} initial={page} />
    </>
  );
}
