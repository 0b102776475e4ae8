import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { threadTitle } from "@/components/messages/labels";
import { ThreadScreen } from "@/components/messages/thread-screen";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { listMessages, loadThread } from "@/lib/messaging/queries";
import { MESSAGE_PAGE_SIZE } from "@/lib/messaging/types";
import { getOwnProfile } from "@/lib/profiles/queries";

type Props = { params: Promise<{ id: string }> };

// No loading.tsx here (the inbox's sits in its route group): a streamed page would answer 200
// before notFound() runs, and a thread that is not yours must answer 404.

// The title and the page read the thread once per request, through the same access-checked query.
const threadFor = cache(async (id: string) => {
  // A malformed id is not found, like someone else's thread (loadThread checks both).
  return loadThread(getDb(), await requireUser(), id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const thread = await threadFor((await params).id);
  if (!thread) return { title: "Page not found" };
  return { title: `${threadTitle(thread, thread.participants.filter((p) => p.id !== thread.viewer.id))} · Messages` };
}

export default async function ThreadPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireUser();
  const thread = await threadFor(id);
  if (!thread) notFound();
  const db = getDb();
  const [page, own] = await Promise.all([listMessages(db, actor, id, { limit: MESSAGE_PAGE_SIZE }), getOwnProfile(db, actor)]);
  if (!page) notFound();
  // Keyed by thread: moving to another thread starts a fresh store, never a mix of two.
  return <ThreadScreen key={thread.id} thread={thread} initial={page} timeZone={own.profile.timeZone} />;
}
