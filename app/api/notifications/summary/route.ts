import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/session";
import { countUnreadThreads } from "@/lib/messaging/queries";
import { countUnreadNotifications } from "@/lib/notifications/queries";

export const dynamic = "force-dynamic";

export async function GET() {
  const actor = await currentActor();
  if (!actor) return NextResponse.json({ error: "Sign in to see notifications" }, { status: 401 });
  const [unread, unreadThreads] = await Promise.all([countUnreadNotifications(getDb(), actor), countUnreadThreads(getDb(), actor)]);
  return NextResponse.json({ unread, unreadThreads }, { headers: { "Cache-Control": "no-store" } });
}
