import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/session";
import { answer503WhileDatabaseDown } from "@/lib/http/database-unavailable";
import { latestNotifications } from "@/lib/notifications/queries";

export const dynamic = "force-dynamic";

export const GET = answer503WhileDatabaseDown(async () => {
  const actor = await currentActor();
  if (!actor) return NextResponse.json({ error: "Sign in to see notifications" }, { status: 401 });
  return NextResponse.json(await latestNotifications(getDb(), actor), { headers: { "Cache-Control": "no-store" } });
});
