import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { webhookEvents, type Notification } from "@/db/schema";
import { DATABASE_UNAVAILABLE_MESSAGE, databaseErrorSummary, isDatabaseUnavailable } from "@/lib/db-availability";
import { RefusedByRules } from "@/lib/invoices/refused-by-rules";
import { logger } from "@/lib/log/logger";
import { publishNotifications } from "@/lib/notifications/publish";
import { publishDashboardChange } from "@/lib/dashboards/publish";
import { flagForReview } from "./flag-for-review";

export type WebhookResponse = { status: number; body: Record<string, unknown> };

/** What applying one event did: its result for the provider, why it was not applied, whom to tell. */
export type Applied = { result: string; error?: string; notifications?: Notification[] };

type VerifiedEvent = { provider: "stripe" | "paypal"; id: string; type: string; payload: unknown };

/**
 * Deliveries of one event that may fail on our side (a database that went away, a bug) before it
 * is recorded and flagged instead: the provider retries a 500 for days, and an error that is still
 * there after this many tries is not going away by itself.
 */
export const MAX_FAILED_DELIVERIES = 5;

/** What went wrong, for the ledger and the admins: the database's own words, not the failed query's text. */
function message(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return (cause instanceof Error ? cause.message : String(cause)).slice(0, 500);
}

/**
 * The tail every verified provider event goes through. It is recorded in the webhook_events
 * ledger and applied in one transaction: an event id already processed is acknowledged without
 * being applied again. What the invoice rules refuse (RefusedByRules) is not retried: its changes
 * roll back to a savepoint, the event stays recorded with the reason, and the payment is flagged
 * for staff (flagForReview); the provider gets a 200. Any other failure answers 500 so the provider
 * retries, and is counted on the ledger row; after MAX_FAILED_DELIVERIES it is flagged the same
 * way, so no event is answered 500 for ever. While PostgreSQL cannot be reached the answer is 503
 * and nothing is counted. Notifications are published only after the commit.
 */
export async function recordAndApply(db: Database, event: VerifiedEvent, apply: (tx: Transaction) => Promise<Applied>): Promise<WebhookResponse> {
  let handled: Applied | null;
  try {
    handled = await db.transaction(async (tx) => {
      // A row left by failed deliveries (processed_at null) is taken up again; a processed one is a duplicate.
      const [recorded] = await tx
        .insert(webhookEvents)
        .values({ provider: event.provider, eventId: event.id, type: event.type, payload: event.payload })
        .onConflictDoUpdate({ target: [webhookEvents.provider, webhookEvents.eventId], set: { receivedAt: sql`excluded.received_at` }, setWhere: isNull(webhookEvents.processedAt) })
        .returning({ id: webhookEvents.id });
      if (!recorded) return null;
      let outcome: Applied;
      try {
        outcome = await tx.transaction((savepoint) => apply(savepoint));
      } catch (error) {
        if (!(error instanceof RefusedByRules)) throw error;
        outcome = { result: "flagged", error: error.message, notifications: await flagForReview(tx, event, error.message, error.paymentId) };
      }
      await tx
        .update(webhookEvents)
        .set({ processedAt: new Date(), error: outcome.error ?? null })
        .where(eq(webhookEvents.id, recorded.id));
      return outcome;
    });
  } catch (error) {
    // Nothing was recorded and nothing can be: a 503 makes the provider deliver it again later, and an
    // outage does not count toward MAX_FAILED_DELIVERIES (the event is not at fault).
    if (isDatabaseUnavailable(error)) {
      logger.warn(`${event.provider} webhook deferred: database unavailable`, { eventId: event.id, type: event.type, error: databaseErrorSummary(error) });
      return { status: 503, body: { error: DATABASE_UNAVAILABLE_MESSAGE } };
    }
    logger.error(`${event.provider} webhook failed`, { eventId: event.id, type: event.type, error: error instanceof Error ? error.stack : String(error) });
    handled = await recordFailure(db, event, message(error)).catch((failure: unknown) => {
      logger.error(`${event.provider} webhook failure not recorded`, { eventId: event.id, error: message(failure) });
      return null;
    });
    if (!handled) return { status: 500, body: { error: "Webhook processing failed" } };
  }
  if (!handled) return { status: 200, body: { received: true, duplicate: true } };
  if (handled.error) logger.warn(`${event.provider} webhook not applied`, { eventId: event.id, type: event.type, reason: handled.error });
  await publishNotifications(handled.notifications ?? []);
  await publishDashboardChange("payments");
  return { status: 200, body: { received: true, result: handled.result } };
}

/**
 * Counts a failed delivery on the event's ledger row (kept unprocessed, so the next delivery
 * applies it). At MAX_FAILED_DELIVERIES the event is marked processed with its error and flagged
 * for staff: the answer is then a 200. Null: let the provider retry.
 */
async function recordFailure(db: Database, event: VerifiedEvent, error: string): Promise<Applied | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEvents)
      .values({ provider: event.provider, eventId: event.id, type: event.type, payload: event.payload, error, failedAttempts: 1 })
      .onConflictDoUpdate({
        target: [webhookEvents.provider, webhookEvents.eventId],
        set: { error, failedAttempts: sql`${webhookEvents.failedAttempts} + 1` },
        setWhere: isNull(webhookEvents.processedAt),
      })
      .returning({ id: webhookEvents.id, failedAttempts: webhookEvents.failedAttempts });
    // Processed meanwhile by another delivery: nothing left to retry.
    if (!row) return { result: "duplicate" };
    if (row.failedAttempts < MAX_FAILED_DELIVERIES) return null;
    const reason = `Could not be applied after ${row.failedAttempts} deliveries: ${error}`;
    const notifications = await flagForReview(tx, event, reason, null);
    await tx.update(webhookEvents).set({ processedAt: new Date(), error: reason }).where(and(eq(webhookEvents.id, row.id), isNull(webhookEvents.processedAt)));
    return { result: "flagged", error: reason, notifications };
  });
}
