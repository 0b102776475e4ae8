import type { Database } from "@/db/client";
import { visitorSessions } from "@/db/schema";
import { fail, ok, type ServiceResult } from "@/lib/errors";
import { publishNotifications } from "@/lib/notifications/publish";
import { takeRequestSlot } from "@/lib/rate-limit/request-limits";
import { parseInput } from "@/lib/validation";
import { widgetAvailability } from "./availability";
import { verifyHostIdentity } from "./identity";
import { SESSION_LIMIT_MESSAGE, visitorSessionsPerIp } from "./limits";
import { notifyVisitorWaiting } from "./notify-staff";
import { publishVisitorQueueChanged } from "./publish";
import { isHoneypotFilled, startSessionInput } from "./schemas";
import { isWritable, storeVisitorMessage } from "./store-message";
import { findSessionByToken, hashVisitorToken, isVisitorTokenFormat, newVisitorToken } from "./tokens";
import type { VisitorMessageView, VisitorSessionPublic, WidgetAvailability } from "./types";
import { visitorMessageView, visitorSessionPublic } from "./views";

export type StartContext = {
  ip: string;
  userAgent: string | null;
  now?: Date;
  /** The widget's stored token, if it has one: a returning visitor keeps it, so staff see their earlier sessions. */
  token?: string | null;
  /** Decided by the caller instead of asking business hours and presence (tests). */
  availability?: WidgetAvailability;
};

export type StartedSession = { token: string; session: VisitorSessionPublic; messages: VisitorMessageView[] };

export const BLOCKED_MESSAGE = "This message could not be sent.";
export const ALREADY_OPEN_MESSAGE = "You already have an open conversation. Continue it instead.";

/**
 * The pre-chat form: a session (only the token's hash kept) with the question as its first
 * message, and a bell for every CS rep and admin, all in one transaction. Offline (outside hours or
 * no one in the console) the session is an offline lead and needs an email.
 */
export async function startVisitorSession(db: Database, input: unknown, context: StartContext): Promise<ServiceResult<StartedSession>> {
  // A bot that fills the hidden field learns nothing useful and nothing is written.
  if (isHoneypotFilled(input)) return fail("invalid", BLOCKED_MESSAGE);
  const now = context.now ?? new Date();
  const availability = context.availability ?? (await widgetAvailability(db, now));
  const offline = !availability.online;
  const parsed = parseInput(startSessionInput({ email: availability.requireEmail, offline }), input);
  if (!parsed.ok) return fail("invalid", "Check the highlighted fields", parsed.fieldErrors);
  const form = parsed.data;

  let token = newVisitorToken();
  if (context.token && isVisitorTokenFormat(context.token)) {
    const earlier = await findSessionByToken(db, context.token);
    if (earlier && isWritable(earlier)) return fail("conflict", ALREADY_OPEN_MESSAGE);
    token = context.token;
  }
  const verifiedExternalId = form.identity ? verifyHostIdentity(form.identity, undefined, now) : null;

  const started = await db.transaction(async (tx) => {
    const full = await takeRequestSlot(tx, [{ limit: visitorSessionsPerIp, key: context.ip }]);
    if (full) return fail("rate_limited", SESSION_LIMIT_MESSAGE);
    const [session] = await tx
      .insert(visitorSessions)
      .values({
        tokenHash: hashVisitorToken(token),
        offline,
        name: form.name,
        email: form.email ?? null,
        pageUrl: form.pageUrl,
        referrer: form.referrer,
        timeZone: form.timeZone,
        userAgent: context.userAgent?.slice(0, 500) ?? null,
        ip: context.ip,
        verifiedExternalId,
      })
      .returning();
    if (!session) throw new Error("visitor session insert returned nothing");
    const stored = await storeVisitorMessage(tx, session.id, { authorKind: "visitor", authorId: null, clientMessageId: form.clientMessageId, body: form.question });
    if (!stored.ok) throw new Error(`a new visitor session refused its first message (${stored.reason})`);
    const notifications = await notifyVisitorWaiting(tx, stored.session, form.question);
    return ok({ session: stored.session, message: stored.message, notifications });
  });
  if (!started.ok) return started;
  const { session, message, notifications } = started.data;
  await publishNotifications(notifications);
  await publishVisitorQueueChanged(session.id);
  return ok({ token, session: visitorSessionPublic(session, null), messages: [visitorMessageView(message, null)] });
}
