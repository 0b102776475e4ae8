import { Client, Environment, OrdersController, type OAuthToken } from "@paypal/paypal-server-sdk";
import { serverEnv, type ServerEnv } from "@/lib/env";

type PaypalEnv = Pick<ServerEnv, "PAYPAL_CLIENT_ID" | "PAYPAL_CLIENT_SECRET" | "PAYPAL_WEBHOOK_ID" | "PAYPAL_ENVIRONMENT" | "PAYPAL_API_BASE">;

const API_HOSTS = { sandbox: "https://api-m.sandbox.paypal.com", production: "https://api-m.paypal.com" } as const;

/** The headers PayPal signs a webhook delivery with, as the verify-webhook-signature API takes them. */
export type PaypalTransmission = {
  authAlgo: string;
  certUrl: string;
  transmissionId: string;
  transmissionSig: string;
  transmissionTime: string;
};

export type PaypalConfig = {
  clientId: string;
  clientSecret: string;
  environment?: "sandbox" | "production";
  /** Where requests go instead of PayPal's API host (a stand-in in tests and e2e). */
  apiBase?: string;
};

/**
 * The real `@paypal/paypal-server-sdk` (Orders v2, OAuth client credentials) and the one call the
 * SDK does not cover, verify-webhook-signature, made with the SDK's own OAuth token.
 */
export type Paypal = {
  client: Client;
  orders: OrdersController;
  /** The API origin requests go to. */
  baseUrl: string;
  /** PayPal's verdict on a delivery: true only for `verification_status: SUCCESS`; throws when PayPal cannot answer. */
  verifyWebhookSignature(transmission: PaypalTransmission, webhookId: string, event: unknown): Promise<boolean>;
};

/**
 * The SDK knows only PayPal's two hosts (no custom base URL option): a client whose request
 * builders rewrite the host when `apiBase` is given. The OAuth token request goes through the
 * same builders (the auth manager is built with this client), so it is redirected too.
 */
function clientFor(config: PaypalConfig, environment: Environment, apiHost: string): Client {
  const base = config.apiBase?.replace(/\/+$/, "");
  const options = {
    environment,
    timeout: 20_000,
    clientCredentialsAuthCredentials: { oAuthClientId: config.clientId, oAuthClientSecret: config.clientSecret },
    // Every POST carries PayPal-Request-Id (or is the token request), so retrying it is safe.
    httpClientOptions: { timeout: 20_000, retryConfig: { maxNumberOfRetries: 2, httpMethodsToRetry: ["GET" as const, "POST" as const] } },
  };
  if (!base) return new Client(options);
  class RedirectedClient extends Client {
    override getRequestBuilderFactory(): ReturnType<Client["getRequestBuilderFactory"]> {
      const factory = super.getRequestBuilderFactory();
      return (...args) => {
        const builder = factory(...args);
        builder.interceptRequest((request) => (request.url.startsWith(apiHost) ? { ...request, url: base + request.url.slice(apiHost.length) } : request));
        return builder;
      };
    }
  }
  return new RedirectedClient(options);
}

export function createPaypal(config: PaypalConfig): Paypal {
  const environmentName = config.environment ?? "sandbox";
  const apiHost = API_HOSTS[environmentName];
  const client = clientFor(config, environmentName === "production" ? Environment.Production : Environment.Sandbox, apiHost);
  const baseUrl = config.apiBase?.replace(/\/+$/, "") ?? apiHost;
  let token: OAuthToken | undefined;

  async function accessToken(): Promise<string> {
    const manager = client.clientCredentialsAuthManager;
    if (!token || !manager.isValid(token) || manager.isExpired(token)) token = await manager.fetchToken();
    return token.accessToken;
  }

  return {
    client,
    orders: new OrdersController(client),
    baseUrl,
    async verifyWebhookSignature(transmission, webhookId, event) {
      const response = await fetch(`${baseUrl}/v1/notifications/verify-webhook-signature`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${await accessToken()}` },
        body: JSON.stringify({
          auth_algo: transmission.authAlgo,
          cert_url: transmission.certUrl,
          transmission_id: transmission.transmissionId,
          transmission_sig: transmission.transmissionSig,
          transmission_time: transmission.transmissionTime,
          webhook_id: webhookId,
          webhook_event: event,
        }),
        signal: AbortSignal.timeout(20_000),
      });
      if (response.status === 401) token = undefined;
      if (!response.ok) throw new Error(`PayPal verify-webhook-signature answered ${response.status}`);
      const body = (await response.json()) as { verification_status?: unknown };
      return body.verification_status === "SUCCESS";
    },
  };
}

/** PayPal from the environment, or null when the client id or secret is not configured. */
export function paypalFromEnv(env: PaypalEnv): Paypal | null {
  if (!env.PAYPAL_CLIENT_ID || !env.PAYPAL_CLIENT_SECRET) return null;
  return createPaypal({ clientId: env.PAYPAL_CLIENT_ID, clientSecret: env.PAYPAL_CLIENT_SECRET, environment: env.PAYPAL_ENVIRONMENT, apiBase: env.PAYPAL_API_BASE });
}

let cached: Paypal | null | undefined;

/** The app's PayPal client, or null when PayPal is not configured. */
export function paypalClient(): Paypal | null {
  if (cached === undefined) cached = paypalFromEnv(serverEnv());
  return cached;
}

/** The id of the registered webhook, or null when PayPal webhooks are not configured. */
export function paypalWebhookId(): string | null {
  return serverEnv().PAYPAL_WEBHOOK_ID ?? null;
}
