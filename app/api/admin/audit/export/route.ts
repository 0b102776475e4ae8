import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { auditCsvStream } from "@/lib/audit/csv";
import { auditLogQuerySchema } from "@/lib/audit/schemas";
import { can } from "@/lib/auth/policy";
import { currentActor } from "@/lib/auth/session";
import { answer503WhileDatabaseDown } from "@/lib/http/database-unavailable";
import { appUrl } from "@/lib/mail/app-url";

export const dynamic = "force-dynamic";

/** The audit log under the page's filters (its query string) as a CSV download, streamed; admins only. */
export const GET = answer503WhileDatabaseDown(async (request: Request) => {
  const actor = await currentActor();
  if (!actor) return NextResponse.json({ error: "Sign in to export the audit log" }, { status: 401 });
  if (actor.mustChangePassword || !can(actor, "audit:read")) return NextResponse.json({ error: "You do not have access to the audit log" }, { status: 403 });
  // A repeated parameter keeps its first value, as the page reads it.
  const params: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) params[key] ??= value;
  const query = auditLogQuerySchema.parse(params);
  const stream = await auditCsvStream(getDb(), actor, query, { origin: appUrl("") });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
