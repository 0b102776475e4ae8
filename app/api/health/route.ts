import { getDb } from "@/db/client";
import { apiJson } from "@/lib/http/api-json";
import { isDatabaseReachable } from "@/lib/health/database-reachable";

export const dynamic = "force-dynamic";

/**
 * The load balancer's probe: 200 while this instance can reach PostgreSQL, 503 otherwise. Public
 * and unauthenticated, so it says nothing about why (no error text, no versions, no hosts).
 * Asked every few seconds by every balancer: answered uncompressed (gzip cost 0.5 ms a probe here).
 */
export async function GET() {
  const reachable = await isDatabaseReachable(getDb()).catch(() => false);
  return reachable ? apiJson({ status: "ok" }) : apiJson({ status: "unavailable" }, 503);
}
