import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { getOwnProfile } from "@/lib/profiles/queries";
import { listTransferTargets, loadVisitorSession } from "@/lib/visitor-chat/queue-queries";
import { getVisitorChatSettings } from "@/lib/visitor-chat/settings";
import { ConversationScreen } from "@/components/visitor-chat/conversation-screen";

// The title and the page read the conversation once per request.
const sessionFor = cache(async (id: string) => loadVisitorSession(getDb(), await requireUser(), id));

/** One visitor conversation, shared by /support/visitors/[id] and /admin/visitors/[id]; unknown or malformed ids are 404. */
export async function VisitorConversationPage({ basePath, params }: { basePath: string; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireUser();
  const db = getDb();
  const session = await sessionFor(id);
  if (!session) notFound();
  const [staff, settings, own] = await Promise.all([listTransferTargets(db, actor), getVisitorChatSettings(db), getOwnProfile(db, actor)]);
  return (
    <ConversationScreen
      key={session.id}
      initial={session}
      basePath={basePath}
      viewer={{ id: actor.id, name: own.profile.fullName, isAdmin: can(actor, "visitors:take-over") }}
      staff={staff}
      cannedReplies={settings.cannedReplies}
      timeZone={own.profile.timeZone}
    />
  );
}

/** "Vera · Visitors" for the tab; the not-found title for an unknown id. */
export async function visitorConversationTitle(id: string): Promise<string> {
  const session = await sessionFor(id).catch(() => null);
  return session ? `${session.name} · Visitors` : "Page not found";
}
