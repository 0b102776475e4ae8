import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { visitorSessions, type VisitorSession } from "@/db/schema";
import { storeVisitorMessage } from "@/lib/visitor-chat/store-message";

/** Test-only: a visitor session as the widget would have started it, with the visitor's messages. */
export async function startTestVisitorSession(
  db: Database,
  options: { name?: string; email?: string | null; offline?: boolean; tokenHash?: string; messages?: string[]; verified?: boolean } = {},
): Promise<VisitorSession> {
  const [session] = await db
    .insert(visitorSessions)
    .values({
      tokenHash: options.tokenHash ?? createHash("sha256").update(randomBytes(32)).digest("hex"),
      name: options.name ?? "Vera Visitor",
      email: options.email === undefined ? `vera.${randomBytes(4).toString("hex")}@example.test` : options.email,
      offline: options.offline ?? false,
      pageUrl: "https://nano.example.test/pricing",
      referrer: "https://search.example.test/",
      timeZone: "Europe/Paris",
      userAgent: "Mozilla/5.0 (test)",
      verifiedExternalId: options.verified ? "host-user-42" : null,
    })
    .returning();
  if (!session) throw new Error("fixture: session insert returned nothing");
  for (const body of options.messages ?? ["Hello, can you help with my calculus homework?"]) {
    await db.transaction((tx) => storeVisitorMessage(tx, session.id, { authorKind: "visitor", authorId: null, clientMessageId: randomUUID(), body }));
  }
  return session;
}
