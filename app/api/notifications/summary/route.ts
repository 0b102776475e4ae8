import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/session";
import { answer503WhileDatabaseDown } from "@/lib/http/database-unavailable";
import { countUnreadThreads } from "@/lib/messaging/queries";
import { countUnreadNotifications } from "@/lib/notifications/queries";
import { countWaitingVisitors } from "@/lib/visitor-chat/queue-queries";

export const dynamic = "force-dynamic";

export const GET = answer503WhileDatabaseDown(async () => {
  const actor = await currentActor();
  if (!actor) return NextResponse.json({ error: "Sign in to see notifications" }, { status: 401 });
  const [unread, unreadThreads, waitingVisitors] = await Promise.all([countUnreadNotifications(getDb(), actor), countUnreadThreads(getDb(), actor), countWaitingVisitors(getDb(), actor)]);
  return NextResponse.json({ unread, unreadThreads, waitingVisitors }, { headers: { "Cache-Control": "no-store" } });
});
