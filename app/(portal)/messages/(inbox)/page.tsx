import type { Metadata } from "next";
import { MessagesSquare, SearchX } from "lucide-react";
import Link from "next/link";
import { InboxList } from "@/components/messages/inbox-list";
import { inboxHref, InboxToolbar } from "@/components/messages/inbox-toolbar";
import { NewThreadDialog } from "@/components/messages/new-thread-dialog";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { listInbox } from "@/lib/messaging/queries";
import { inboxQuerySchema } from "@/lib/messaging/schemas";
import { getOwnProfile } from "@/lib/profiles/queries";

export const metadata: Metadata = { title: "Messages" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

const emptyText = {
  all: ["No conversations yet", "Messages with your teachers, students and support will show up here."],
  unread: ["You're all caught up", "Nothing unread. New messages will show up here."],
  assignment: ["No assignment conversations", "Each accepted assignment gets a conversation with everyone working on it."],
  support: ["No support conversations", "Your conversation with the support team will show up here."],
  direct: ["No direct conversations", "Start one with New message."],
} as const;

export default async function MessagesPage({ searchParams }: Props) {
  const actor = await requireUser();
  const sp = await searchParams;
  const { q, filter, cursor } = inboxQuerySchema.parse({ q: first(sp.q) ?? "", filter: first(sp.filter), cursor: first(sp.cursor) ?? null });
  const db = getDb();
  const [page, own] = await Promise.all([listInbox(db, actor, { q: q || undefined, filter, cursor }), getOwnProfile(db, actor)]);
  const [emptyTitle, emptyBody] = q ? ["No conversations match", `Nothing matches “${q}”. Try other words.`] : cursor ? ["Nothing older", "You have reached the end of the list."] : emptyText[filter];
  return (
    <>
      <PageHeader title="Messages" description="Conversations about your assignments, with support, and with the team." actions={<NewThreadDialog />} />
      <InboxToolbar filter={filter} q={q} />
      {page.items.length === 0 ? (
        <EmptyState icon={q ? <SearchX /> : <MessagesSquare />} title={emptyTitle}>
          {emptyBody}
        </EmptyState>
      ) : (
        <InboxList items={page.items} now={new Date()} timeZone={own.profile.timeZone} />
      )}
      {cursor || page.nextCursor ? (
        <div className="mt-4 flex flex-wrap gap-2">
          {cursor ? (
            <Link href={inboxHref(filter, q)} className={buttonClass("ghost")}>
              Back to the newest
            </Link>
          ) : null}
          {page.nextCursor ? (
            <Link href={inboxHref(filter, q, page.nextCursor)} className={buttonClass("outline")}>
              Load more
            </Link>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
