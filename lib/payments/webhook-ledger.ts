import { eq } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { webhookEvents, type Notification } from "@/db/schema";
import { logger } from "@/lib/log/logger";
import { publishNotifications } from "@/lib/notifications/publish";

export type WebhookResponse = { status: number; body: Record<string, unknown> };

/** What applying one event did: its result for the provider, why it was not applied, whom to tell. */
export type Applied = { result: string; error?: string; notifications?: Notification[] };

type VerifiedEvent = { provider: "stripe" | "paypal"; id: string; type: string; payload: unknown };

/**
 * The tail every verified provider event goes through. It is recorded in the webhook_events
 * ledger and applied in one transaction: an event id already recorded is acknowledged without
 * being applied again, and a failure of ours answers 500 and rolls the ledger row back, so the
 * provider retries it. Notifications are published only after the commit.
 */
export async function recordAndApply(db: Database, event: VerifiedEvent, apply: (tx: Transaction) => Promise<Applied>): Promise<WebhookResponse> {
  let handled: Applied | null;
  try {
    handled = await db.transaction(async (tx) => {
      const [recorded] = await tx
        .insert(webhookEvents)
        .values({ provider: event.provider, eventId: event.id, type: event.type, payload: event.payload })
        .onConflictDoNothing({ target: [webhookEvents.provider, webhookEvents.eventId] })
        .returning({ id: webhookEvents.id });
      if (!recorded) return null;
      const outcome = await apply(tx);
      await tx
        .update(webhookEvents)
        .set({ processedAt: new Date(), error: outcome.error ?? null })
        .where(eq(webhookEvents.id, recorded.id));
      return outcome;
    });
  } catch (error) {
    logger.error(`${event.provider} webhook failed`, { eventId: event.id, type: event.type, error: error instanceof Error ? error.stack : String(error) });
    return { status: 500, body: { error: "Webhook processing failed" } };
  }
  if (!handled) return { status: 200, body: { received: true, duplicate: true } };
  if (handled.error) logger.warn(`${event.provider} webhook not applied`, { eventId: event.id, type: event.type, reason: handled.error });
  await publishNotifications(handled.notifications ?? []);
  return { status: 200, body: { received: true, result: handled.result } };
}
