import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/session";
import { latestNotifications } from "@/lib/notifications/queries";

export const dynamic = "force-dynamic";

export async function GET() {
  const actor = await currentActor();
  if (!actor) return NextResponse.json({ error: "Sign in to see notifications" }, { status: 401 });
  return NextResponse.json(await latestNotifications(getDb(), actor), { headers: { "Cache-Control": "no-store" } });
}
