import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { isDatabaseReachable } from "@/lib/health/database-reachable";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

/**
 * The load balancer's probe: 200 while this instance can reach PostgreSQL, 503 otherwise. Public
 * and unauthenticated, so it says nothing about why (no error text, no versions, no hosts).
 */
export async function GET() {
  const reachable = await isDatabaseReachable(getDb()).catch(() => false);
  return reachable
    ? NextResponse.json({ status: "ok" }, { headers: noStore })
    : NextResponse.json({ status: "unavailable" }, { status: 503, headers: noStore });
}
