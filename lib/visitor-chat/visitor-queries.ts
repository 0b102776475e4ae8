import type { Executor } from "@/db/client";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { visitorAfterSchema } from "./schemas";
import type { VisitorMessageView, VisitorSessionPublic } from "./types";
import { messagesAfter, newestMessages, publicSessionView, visitorSessionFor } from "./visitor-session";

export type VisitorConversation = { session: VisitorSessionPublic; messages: VisitorMessageView[] };

/** What the widget shows when it opens: the token's newest session and its newest messages. */
export async function loadVisitorConversation(db: Executor, token: string | null): Promise<ServiceResult<VisitorConversation>> {
  const found = await visitorSessionFor(db, token);
  if (!found.ok) return found;
  const [session, messages] = await Promise.all([publicSessionView(db, found.data), newestMessages(db, found.data.id)]);
  return ok({ session, messages });
}

/**
 * `{ after }`: the messages the widget missed (after a reconnect), oldest first. A full page
 * (VISITOR_LIMITS.pageSize) means there may be more: ask again after the last one.
 */
export async function listVisitorMessagesAfter(db: Executor, token: string | null, input: unknown): Promise<ServiceResult<{ messages: VisitorMessageView[] }>> {
  const found = await visitorSessionFor(db, token);
  if (!found.ok) return found;
  const parsed = parseInput(visitorAfterSchema, input);
  if (!parsed.ok) return fail("invalid", "after must be a whole number", parsed.fieldErrors);
  return ok({ messages: await messagesAfter(db, found.data.id, parsed.data.after) });
}
