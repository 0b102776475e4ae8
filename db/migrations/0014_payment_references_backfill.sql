-- Provider references used to live in payments.note (a stopgap); they move to their own columns
-- and the note keeps only what an admin typed.
UPDATE "payments"
SET "attempt_id" = (substring("note" from '^(?:stripe-checkout|paypal-order) attempt=([0-9a-f-]{36}) version=[0-9]+$'))::uuid,
    "attempt_version" = (substring("note" from '^(?:stripe-checkout|paypal-order) attempt=[0-9a-f-]{36} version=([0-9]+)$'))::integer,
    "note" = NULL
WHERE "provider" IN ('stripe', 'paypal') AND "note" ~ '^(stripe-checkout|paypal-order) attempt=[0-9a-f-]{36} version=[0-9]+$';
--> statement-breakpoint
UPDATE "payments"
SET "paypal_capture_id" = substring("note" from '^paypal capture=([A-Za-z0-9-]+)$'),
    "note" = NULL
WHERE "provider" = 'paypal' AND "note" ~ '^paypal capture=[A-Za-z0-9-]+$';
--> statement-breakpoint
-- Stripe's payment intent is named by the paid session's event in the webhook ledger.
UPDATE "payments" AS p
SET "stripe_payment_intent" = e."payload" -> 'data' -> 'object' ->> 'payment_intent'
FROM "webhook_events" AS e
WHERE p."provider" = 'stripe'
  AND p."stripe_payment_intent" IS NULL
  AND e."provider" = 'stripe'
  AND e."type" IN ('checkout.session.completed', 'checkout.session.async_payment_succeeded')
  AND e."payload" -> 'data' -> 'object' ->> 'id' = p."provider_reference"
  AND e."payload" -> 'data' -> 'object' ->> 'payment_intent' IS NOT NULL;
