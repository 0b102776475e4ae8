import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { answer503WhileDatabaseDown } from "@/lib/http/database-unavailable";
import { calendarFeedForToken } from "@/lib/meetings/calendar-feed";

export const dynamic = "force-dynamic";

/**
 * A person's private meetings feed for calendar apps: no session (a calendar app has none), the
 * secret token in the path is the credential. Unknown and malformed tokens look alike: 404.
 */
export const GET = answer503WhileDatabaseDown(async (_request: Request, { params }: { params: Promise<{ token: string }> }) => {
  const token = (await params).token.replace(/\.ics$/, "");
  const body = await calendarFeedForToken(getDb(), token);
  if (body === null) return NextResponse.json({ error: "Calendar not found" }, { status: 404, headers: { "Cache-Control": "private, no-store" } });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="meetings.ics"',
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      // The URL is the secret: it must not leak to other sites as a Referer.
      "Referrer-Policy": "no-referrer",
    },
  });
});
