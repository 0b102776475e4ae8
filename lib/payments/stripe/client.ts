import Stripe from "stripe";
import { serverEnv, type ServerEnv } from "@/lib/env";

type StripeEnv = Pick<ServerEnv, "STRIPE_SECRET_KEY" | "STRIPE_API_BASE">;

/**
 * The Stripe SDK for a secret key, pointed at `apiBase` (a stand-in in tests and e2e) when given
 * instead of api.stripe.com. Requests time out after 20 s and are retried twice by the SDK, with
 * the same idempotency key.
 */
export function createStripeClient(secretKey: string, apiBase?: string): Stripe {
  const base = apiBase ? new URL(apiBase) : null;
  return new Stripe(secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === "http:" ? 80 : 443),
          protocol: base.protocol === "http:" ? ("http" as const) : ("https" as const),
        }
      : {}),
  });
}

/** The Stripe SDK from the environment, or null when no secret key is configured. */
export function stripeFromEnv(env: StripeEnv): Stripe | null {
  return env.STRIPE_SECRET_KEY ? createStripeClient(env.STRIPE_SECRET_KEY, env.STRIPE_API_BASE) : null;
}

let cached: Stripe | null | undefined;

/** The app's Stripe client, or null when Stripe is not configured. */
export function stripeClient(): Stripe | null {
  if (cached === undefined) cached = stripeFromEnv(serverEnv());
  return cached;
}

/** The webhook signing secret, or null when Stripe webhooks are not configured. */
export function stripeWebhookSecret(): string | null {
  return serverEnv().STRIPE_WEBHOOK_SECRET ?? null;
}
