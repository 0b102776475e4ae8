import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { visitorMessages } from "@/db/schema";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { takeRequestSlot } from "@/lib/rate-limit/request-limits";
import { parseInput } from "@/lib/validation";
import { MESSAGE_LIMIT_MESSAGE, visitorMessagesPerIp, visitorMessagesPerToken } from "./limits";
import { publishVisitorMessage } from "./publish";
import { visitorSendSchema } from "./schemas";
import { isWritable, storeVisitorMessage } from "./store-message";
import type { VisitorMessageView } from "./types";
import { visitorMessageView } from "./views";
import { visitorSessionFor } from "./visitor-session";

export const ENDED_MESSAGE = "This conversation has ended. Start a new one to write to us again.";

/**
 * The visitor writes: stored once per clientMessageId (a retry gets the stored message and is not
 * counted against the limits), refused once the session was closed or converted.
 */
export async function sendVisitorMessage(db: Database, token: string | null, input: unknown, context: { ip: string }): Promise<ServiceResult<VisitorMessageView>> {
  const found = await visitorSessionFor(db, token);
  if (!found.ok) return found;
  const session = found.data;
  const parsed = parseInput(visitorSendSchema, input);
  if (!parsed.ok) return fail("invalid", "Check the message", parsed.fieldErrors);
  const { clientMessageId, body } = parsed.data;

  const [earlier] = await db
    .select()
    .from(visitorMessages)
    .where(and(eq(visitorMessages.sessionId, session.id), eq(visitorMessages.clientMessageId, clientMessageId)));
  if (earlier) return ok(visitorMessageView(earlier, null));
  if (!isWritable(session)) return fail("conflict", ENDED_MESSAGE);

  const result = await db.transaction(async (tx) => {
    const full = await takeRequestSlot(tx, [
      { limit: visitorMessagesPerToken, key: session.tokenHash },
      { limit: visitorMessagesPerIp, key: context.ip },
    ]);
    if (full) return fail("rate_limited", MESSAGE_LIMIT_MESSAGE);
    const stored = await storeVisitorMessage(tx, session.id, { authorKind: "visitor", authorId: null, clientMessageId, body });
    if (!stored.ok) return fail("conflict", ENDED_MESSAGE);
    return ok(stored);
  });
  if (!result.ok) return result;
  // A visitor's message has no author name; the CS rep sees "the visitor".
  const view = visitorMessageView(result.data.message, null);
  if (!result.data.repeated) await publishVisitorMessage(view);
  return ok(view);
}
