import { count } from "drizzle-orm";
import type { Database } from "@/db/client";
import { visitorSessions } from "@/db/schema";
import type { ServiceResult } from "@/lib/errors";
import { sendVisitorMessage } from "@/lib/visitor-chat/visitor-send";
import { startVisitorSession } from "@/lib/visitor-chat/start-session";
import type { WidgetAvailability } from "@/lib/visitor-chat/types";

function must<T>(result: ServiceResult<T>): T {
  if (!result.ok) throw new Error(`demo visitors: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return result.data;
}

const availability = (online: boolean): WidgetAvailability => ({ online, withinHours: online, awayMessage: "", requireEmail: false });
// Addresses from the documentation range (RFC 5737), one per visitor, as real visitors would have.
const context = (ip: string, online: boolean) => ({ ip, userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15", availability: availability(online) });

/**
 * Two visitors for the CS reps' console, through the widget's own services: one waiting in the live
 * queue with a follow-up message, and an offline lead who left an email. Runs once: a database that
 * already has visitor sessions is left alone.
 */
export async function seedDemoVisitors(db: Database): Promise<{ created: number }> {
  const [existing] = await db.select({ n: count() }).from(visitorSessions);
  if ((existing?.n ?? 0) > 0) return { created: 0 };
  const waiting = must(
    await startVisitorSession(
      db,
      { name: "Maya Lindqvist", email: "maya.lindqvist@example.com", question: "Hi! Do you help with organic chemistry problem sets? Mine is due next Monday.", pageUrl: "http://localhost:3000/", referrer: "https://www.google.com/", timeZone: "Europe/Stockholm", clientMessageId: crypto.randomUUID() },
      context("203.0.113.24", true),
    ),
  );
  must(await sendVisitorMessage(db, waiting.token, { clientMessageId: crypto.randomUUID(), body: "It's about 12 questions on reaction mechanisms." }, { ip: "203.0.113.24" }));
  must(
    await startVisitorSession(
      db,
      { name: "Tomás Herrera", email: "tomas.herrera@example.com", question: "Can someone help me prepare for a statistics final in two weeks? Please email me.", pageUrl: "http://localhost:3000/#services", referrer: "", timeZone: "America/Mexico_City", clientMessageId: crypto.randomUUID() },
      context("198.51.100.7", false),
    ),
  );
  return { created: 2 };
}
