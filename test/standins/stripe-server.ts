import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

/**
 * Stand-in for Stripe's API and hosted Checkout, which cannot be reached from here, answering
 * what the real `stripe` SDK sends, in Stripe's shapes:
 *
 * - `POST /v1/checkout/sessions` (form-encoded, as the SDK sends it) → a `checkout.session`,
 *   honouring `Idempotency-Key` (same key and body → the same response; another body → 400
 *   `idempotency_error`), authorized by `Authorization: Bearer sk_test_…` (401 otherwise).
 *   `GET /v1/checkout/sessions/{id}` retrieves one.
 * - `GET /pay/{id}`: a minimal hosted checkout page with a `Pay` button; its POST marks the session
 *   paid, sends the signed `checkout.session.completed` webhook to `webhookUrl` and redirects to
 *   the session's success_url.
 *
 * - `POST /v1/refunds` → a `refund`; afterwards (not before answering) it delivers a signed
 *   `charge.refunded` (the charge's new `amount_refunded`) to `webhookUrl` when given.
 * - `POST /resend/{eventId}`: delivers an event sent before to `webhookUrl` again, signed anew, as
 *   Stripe's retries and its dashboard's "Resend" do; answers `{ status }`, the app's answer.
 *
 * `signedEvent` builds webhook deliveries signed like Stripe's (`Stripe-Signature`, via the SDK's
 * `generateTestHeaderString`). Point the SDK here with `createStripeClient(secretKey, url)`.
 */
export type StandInSession = {
  id: string;
  object: "checkout.session";
  url: string;
  mode: "payment";
  amount_total: number;
  amount_subtotal: number;
  currency: string;
  metadata: Record<string, string>;
  payment_status: "paid" | "unpaid" | "no_payment_required";
  status: "open" | "complete" | "expired";
  client_reference_id: string | null;
  success_url: string | null;
  cancel_url: string | null;
  payment_intent: string | null;
  line_items_names: string[];
  created: number;
  expires_at: number;
  livemode: false;
};

export type SessionEventType = "checkout.session.completed" | "checkout.session.async_payment_succeeded" | "checkout.session.async_payment_failed";

export type SignedDelivery = { event: Record<string, unknown>; payload: string; signature: string };

export type StripeStandIn = {
  url: string;
  secretKey: string;
  webhookSecret: string;
  sessions: Map<string, StandInSession>;
  /** How many sessions were created (idempotent replays excluded). */
  created(): number;
  /** A signed delivery of a Checkout Session event; `session` overrides fields of the stored session. */
  signedEvent(type: SessionEventType, sessionId: string, options?: { session?: Partial<StandInSession>; timestamp?: number; eventId?: string }): SignedDelivery;
  /** A signed `charge.refunded` delivery for the paid session's charge. */
  signedRefund(sessionId: string, refundedMinor: number, options?: { timestamp?: number }): SignedDelivery;
  /** Webhook deliveries made by the hosted page, with the app's answer. */
  deliveries: { eventId: string; status: number }[];
  /** Refunds created through `POST /v1/refunds`, by id. */
  refunds: Map<string, StandInRefund>;
  close(): Promise<void>;
};

/** `POST /v1/refunds` (form-encoded `payment_intent` or `charge`, optional `amount`, `metadata[…]`) → a `refund`. */
export type StandInRefund = {
  id: string;
  object: "refund";
  amount: number;
  currency: string;
  payment_intent: string;
  charge: string | null;
  metadata: Record<string, string>;
  reason: string | null;
  status: "succeeded";
  created: number;
};

export type StripeStandInOptions = {
  /** Where the hosted page's Pay button delivers `checkout.session.completed`. */
  webhookUrl?: string;
  secretKey?: string;
  webhookSecret?: string;
};

const token = (bytes = 12) => randomBytes(bytes).toString("hex");

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", "request-id": `req_${token(7)}`, ...headers });
  res.end(JSON.stringify(body));
}

const stripeError = (type: string, message: string, extra: Record<string, unknown> = {}) => ({ error: { type, message, ...extra } });

/** The bracketed keys the SDK encodes (`metadata[invoice_id]`, `line_items[0][price_data][currency]`). */
function prefixed(form: URLSearchParams, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form) {
    if (key.startsWith(prefix)) out[key.slice(prefix.length).replace(/^\[|\]$/g, "").replace(/\]\[/g, ".")] = value;
  }
  return out;
}

function sessionFrom(form: URLSearchParams, base: string): StandInSession | string {
  if (form.get("mode") !== "payment") return "mode must be payment";
  let amount = 0;
  let currency: string | null = null;
  const names: string[] = [];
  for (let i = 0; form.has(`line_items[${i}][quantity]`); i++) {
    const item = prefixed(form, `line_items[${i}]`);
    const quantity = Number(item.quantity);
    const unit = Number(item["price_data.unit_amount"]);
    const itemCurrency = item["price_data.currency"];
    if (!Number.isSafeInteger(quantity) || quantity < 1 || !Number.isSafeInteger(unit) || unit < 0 || !itemCurrency) return `line_items[${i}] is invalid`;
    if (currency && currency !== itemCurrency) return "All line items must have the same currency";
    currency = itemCurrency;
    amount += quantity * unit;
    names.push(item["price_data.product_data.name"] ?? "");
  }
  if (!currency || names.length === 0) return "line_items is required";
  const id = `cs_test_${token(24)}`;
  const now = Math.floor(Date.now() / 1000);
  return {
    id,
    object: "checkout.session",
    url: `${base}/pay/${id}`,
    mode: "payment",
    amount_total: amount,
    amount_subtotal: amount,
    currency,
    metadata: prefixed(form, "metadata"),
    payment_status: "unpaid",
    status: "open",
    client_reference_id: form.get("client_reference_id"),
    success_url: form.get("success_url"),
    cancel_url: form.get("cancel_url"),
    payment_intent: null,
    line_items_names: names,
    created: now,
    expires_at: now + 86_400,
    livemode: false,
  };
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startStripeStandIn(options: StripeStandInOptions = {}): Promise<StripeStandIn> {
  const secretKey = options.secretKey ?? `sk_test_${token(16)}`;
  const webhookSecret = options.webhookSecret ?? `whsec_${token(16)}`;
  const sessions = new Map<string, StandInSession>();
  const idempotent = new Map<string, { body: string; status: number; response: unknown }>();
  const deliveries: StripeStandIn["deliveries"] = [];
  // Events delivered so far, by id, for POST /resend/{eventId}.
  const sentEvents = new Map<string, Record<string, unknown>>();
  const refunds = new Map<string, StandInRefund>();
  let createdCount = 0;
  let base = "";

  const sign = (event: Record<string, unknown>, timestamp?: number): SignedDelivery => {
    const payload = JSON.stringify(event, null, 2);
    return { event, payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret, timestamp }) };
  };
  const eventOf = (type: string, object: unknown, eventId?: string) => ({
    id: eventId ?? `evt_${token(12)}`,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  });
  const paidState = (session: StandInSession): Partial<StandInSession> => ({ status: "complete", payment_status: "paid", payment_intent: session.payment_intent ?? `pi_${token(12)}` });

  const signedEvent: StripeStandIn["signedEvent"] = (type, sessionId, opts = {}) => {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`stripe stand-in: no session ${sessionId}`);
    const state: Partial<StandInSession> =
      type === "checkout.session.async_payment_failed" ? { status: "complete", payment_status: "unpaid" } : paidState(session);
    const updated = { ...session, ...state, ...opts.session };
    sessions.set(sessionId, { ...session, ...state, ...(opts.session?.payment_intent ? { payment_intent: opts.session.payment_intent } : {}) });
    return sign(eventOf(type, updated, opts.eventId), opts.timestamp);
  };

  const signedRefund: StripeStandIn["signedRefund"] = (sessionId, refundedMinor, opts = {}) => {
    const session = sessions.get(sessionId);
    if (!session?.payment_intent) throw new Error(`stripe stand-in: session ${sessionId} is not paid`);
    const charge = {
      id: `ch_${token(12)}`,
      object: "charge",
      amount: session.amount_total,
      amount_captured: session.amount_total,
      amount_refunded: refundedMinor,
      currency: session.currency,
      paid: true,
      payment_intent: session.payment_intent,
      refunded: refundedMinor >= session.amount_total,
      status: "succeeded",
      metadata: { invoice_id: session.metadata.invoice_id ?? "" },
      livemode: false,
    };
    return sign(eventOf("charge.refunded", charge), opts.timestamp);
  };

  const api = async (req: http.IncomingMessage, res: http.ServerResponse, path: string) => {
    const auth = req.headers.authorization ?? "";
    if (auth !== `Bearer ${secretKey}` || !secretKey.startsWith("sk_test_")) {
      return send(res, 401, stripeError("invalid_request_error", `Invalid API Key provided: ${auth.replace(/^Bearer /, "").slice(0, 12)}***`));
    }
    const retrieve = /^\/v1\/checkout\/sessions\/([A-Za-z0-9_]+)$/.exec(path);
    if (req.method === "GET" && retrieve?.[1]) {
      const session = sessions.get(retrieve[1]);
      return session ? send(res, 200, session) : send(res, 404, stripeError("invalid_request_error", `No such checkout.session: '${retrieve[1]}'`, { code: "resource_missing" }));
    }
    if (req.method === "POST" && path === "/v1/refunds") return createRefund(req, res);
    if (req.method !== "POST" || path !== "/v1/checkout/sessions") return send(res, 404, stripeError("invalid_request_error", `Unrecognized request URL (${req.method}: ${path})`));
    if (!String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) {
      return send(res, 400, stripeError("invalid_request_error", "Expected a form-encoded body"));
    }
    const body = await readBody(req);
    const key = req.headers["idempotency-key"];
    const idempotencyKey = typeof key === "string" ? key : undefined;
    if (idempotencyKey) {
      const seen = idempotent.get(idempotencyKey);
      if (seen && seen.body !== body) {
        return send(res, 400, stripeError("idempotency_error", `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`));
      }
      if (seen) return send(res, seen.status, seen.response, { "idempotent-replayed": "true" });
    }
    const made = sessionFrom(new URLSearchParams(body), base);
    const [status, response] = typeof made === "string" ? [400, stripeError("invalid_request_error", made)] : [200, made];
    if (typeof made !== "string") {
      sessions.set(made.id, made);
      createdCount++;
    }
    if (idempotencyKey) idempotent.set(idempotencyKey, { body, status, response });
    return send(res, status, response);
  };

  const createRefund = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const body = await readBody(req);
    const key = req.headers["idempotency-key"];
    const idempotencyKey = typeof key === "string" ? key : undefined;
    if (idempotencyKey) {
      const seen = idempotent.get(idempotencyKey);
      if (seen && seen.body !== body) return send(res, 400, stripeError("idempotency_error", `Keys for idempotent requests can only be used with the same parameters they were first used with.`));
      if (seen) return send(res, seen.status, seen.response, { "idempotent-replayed": "true" });
    }
    const form = new URLSearchParams(body);
    const intent = form.get("payment_intent");
    const session = [...sessions.values()].find((s) => s.payment_intent !== null && s.payment_intent === intent && s.payment_status === "paid");
    const refunded = [...refunds.values()].filter((r) => r.payment_intent === intent).reduce((sum, r) => sum + r.amount, 0);
    const amount = form.has("amount") ? Number(form.get("amount")) : (session?.amount_total ?? 0) - refunded;
    let status = 200;
    let response: unknown;
    if (!intent || !session) {
      status = 400;
      response = stripeError("invalid_request_error", form.get("charge") ? "The stand-in refunds payment intents only" : `No such payment_intent: '${intent ?? ""}'`, { code: "resource_missing" });
    } else if (!Number.isSafeInteger(amount) || amount <= 0 || refunded + amount > session.amount_total) {
      status = 400;
      response = stripeError("invalid_request_error", `Refund amount (${amount}) is greater than unrefunded amount on charge (${session.amount_total - refunded})`, { code: "amount_too_large" });
    } else {
      const refund: StandInRefund = {
        id: `re_${token(12)}`,
        object: "refund",
        amount,
        currency: session.currency,
        payment_intent: intent,
        charge: null,
        metadata: prefixed(form, "metadata"),
        reason: form.get("reason"),
        status: "succeeded",
        created: Math.floor(Date.now() / 1000),
      };
      refunds.set(refund.id, refund);
      response = refund;
    }
    if (idempotencyKey) idempotent.set(idempotencyKey, { body, status, response });
    send(res, status, response);
    // Stripe notifies asynchronously, after answering: charge.refunded with the charge's new total refunded.
    if (status === 200 && session && options.webhookUrl) setTimeout(() => void deliverRefunded(session.id, refunded + amount), 50);
  };

  /** Delivers a signed `charge.refunded` for the session's charge to `webhookUrl` (appended). */
  const deliverRefunded = async (sessionId: string, refundedMinor: number) => {
    if (!options.webhookUrl) return;
    await deliver(options.webhookUrl, signedRefund(sessionId, refundedMinor));
  };

  /** Posts a delivery, remembers its event for a resend, records the app's answer (0: no answer). */
  const deliver = async (webhookUrl: string, delivery: SignedDelivery): Promise<number> => {
    sentEvents.set(String(delivery.event.id), delivery.event);
    const answer = await fetch(webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": delivery.signature },
      body: delivery.payload,
    }).catch(() => null);
    deliveries.push({ eventId: String(delivery.event.id), status: answer?.status ?? 0 });
    return answer?.status ?? 0;
  };

  const resend = async (res: http.ServerResponse, eventId: string) => {
    const event = sentEvents.get(eventId);
    if (!event || !options.webhookUrl) return send(res, 404, stripeError("invalid_request_error", `No such event: '${eventId}'`, { code: "resource_missing" }));
    send(res, 200, { status: await deliver(options.webhookUrl, sign(event)) });
  };

  const hosted = async (req: http.IncomingMessage, res: http.ServerResponse, sessionId: string) => {
    const session = sessions.get(sessionId);
    if (!session) {
      res.writeHead(404, { "content-type": "text/plain" });
      return res.end("No such checkout session");
    }
    if (req.method === "GET") {
      const amount = (session.amount_total / (session.currency === "jpy" ? 1 : 100)).toFixed(session.currency === "jpy" ? 0 : 2);
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return res.end(
        `<!doctype html><html><head><title>Checkout</title></head><body><main>` +
          `<h1>${escapeHtml(session.line_items_names.join(", "))}</h1><p>Total: ${escapeHtml(amount)} ${escapeHtml(session.currency.toUpperCase())}</p>` +
          (session.status === "open" ? `<form method="post" action="/pay/${escapeHtml(session.id)}"><button type="submit">Pay</button></form>` : `<p>This session is ${session.status}.</p>`) +
          (session.cancel_url ? `<a href="${escapeHtml(session.cancel_url)}">Back</a>` : "") +
          `</main></body></html>`,
      );
    }
    if (req.method !== "POST") {
      res.writeHead(405);
      return res.end();
    }
    await readBody(req);
    if (session.status === "open") {
      const delivery = signedEvent("checkout.session.completed", session.id);
      if (options.webhookUrl) await deliver(options.webhookUrl, delivery);
    }
    res.writeHead(303, { location: session.success_url ?? "/" });
    return res.end();
  };

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://stand-in").pathname;
    const pay = /^\/pay\/([A-Za-z0-9_]+)$/.exec(path);
    const resent = req.method === "POST" ? /^\/resend\/([A-Za-z0-9_]+)$/.exec(path) : null;
    const handling = pay?.[1] ? hosted(req, res, pay[1]) : resent?.[1] ? resend(res, resent[1]) : api(req, res, path);
    handling.catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, stripeError("api_error", error instanceof Error ? error.message : String(error)));
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    secretKey,
    webhookSecret,
    sessions,
    created: () => createdCount,
    signedEvent,
    signedRefund,
    deliveries,
    refunds,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
