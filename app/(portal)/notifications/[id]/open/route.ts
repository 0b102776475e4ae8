import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { openNotification } from "@/lib/notifications/open-notification";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** A plain link (never prefetched) that marks the notification read and follows it. */
export async function GET(_request: Request, { params }: Context) {
  const actor = await requireUser();
  const result = await openNotification(getDb(), actor, { id: (await params).id });
  if (!result.ok) return new Response("Notification not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  // A relative Location: the path was checked to be same-site, and the browser resolves it against this origin.
  return new Response(null, { status: 303, headers: { Location: result.data.href, "Cache-Control": "no-store" } });
}
