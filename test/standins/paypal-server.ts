import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Stand-in for PayPal's REST API and hosted approval page, which cannot be reached from here,
 * answering what the real `@paypal/paypal-server-sdk` sends, in PayPal's shapes:
 *
 * - `POST /v1/oauth2/token`: client credentials (Basic client_id:secret, else 401 invalid_client)
 *   → a Bearer access token, required by every other API call (401 otherwise).
 * - `POST /v2/checkout/orders` → a CREATED order with a `payer-action` link to the approval page,
 *   honouring `PayPal-Request-Id` (the same id answers the first response again, no new order).
 *   `GET /v2/checkout/orders/{id}` reads one back.
 * - `GET /checkoutnow?token={id}`: the approval page with an `Approve` button; its POST marks the
 *   order APPROVED and redirects (303) to the order's return_url with `?token={id}&PayerID=…`.
 * - `POST /v2/checkout/orders/{id}/capture`: only an APPROVED order (else 422 ORDER_NOT_APPROVED,
 *   or ORDER_ALREADY_CAPTURED), honouring `PayPal-Request-Id`; answers the order with
 *   `purchase_units[0].payments.captures[0]`. Afterwards (not before answering) it delivers
 *   `PAYMENT.CAPTURE.COMPLETED` to `webhookUrl` when given.
 * - `POST /v1/notifications/verify-webhook-signature` → `{verification_status}`: SUCCESS only for
 *   a delivery this stand-in made (transmission id and signature it issued, the configured webhook
 *   id, the event unchanged), FAILURE otherwise.
 * - `POST /v2/payments/captures/{id}/refund` (`{amount?: {currency_code, value}, custom_id?, note_to_payer?}`,
 *   no amount = what is left) → a COMPLETED refund (201) with `seller_payable_breakdown.total_refunded_amount`
 *   and an `up` link to the capture, honouring `PayPal-Request-Id`; more than is left on the capture
 *   → 422 REFUND_AMOUNT_EXCEEDED. Afterwards it delivers `PAYMENT.CAPTURE.REFUNDED` to `webhookUrl`
 *   when given.
 */
export type StandInCapture = { id: string; status: string; amount: { currency_code: string; value: string } };
export type StandInOrder = {
  id: string;
  status: "CREATED" | "APPROVED" | "COMPLETED";
  intent: string;
  purchase_units: Record<string, unknown>[];
  return_url: string | null;
  cancel_url: string | null;
  capture: StandInCapture | null;
};

export type StandInPaypalRefund = {
  id: string;
  captureId: string;
  status: "COMPLETED";
  amount: { currency_code: string; value: string };
  custom_id: string | null;
  note_to_payer: string | null;
  /** The PayPal-Request-Id the refund was made with. */
  requestId: string | null;
};

export type PaypalDelivery = { event: Record<string, unknown>; body: string; headers: Record<string, string> };

export type PaypalStandIn = {
  url: string;
  clientId: string;
  clientSecret: string;
  webhookId: string;
  orders: Map<string, StandInOrder>;
  /** Orders created (idempotent replays excluded). */
  created(): number;
  /** Captures made (idempotent replays excluded). */
  captured(): number;
  /** Approves an order as the payer would on the approval page. */
  approve(orderId: string): void;
  /** What the next capture of this order captures instead of the order's amount (or its status). */
  overrideCapture(orderId: string, capture: Partial<Pick<StandInCapture, "status" | "amount">>): void;
  /** A delivery signed by this stand-in (its verify API answers SUCCESS for it). */
  delivery(type: string, resource: Record<string, unknown>, options?: { eventId?: string }): PaypalDelivery;
  /** A PAYMENT.CAPTURE.* delivery for the order's capture (or a capture-shaped resource when not captured). */
  captureEvent(type: "PAYMENT.CAPTURE.COMPLETED" | "PAYMENT.CAPTURE.DENIED", orderId: string, options?: { eventId?: string }): PaypalDelivery;
  /** Webhook deliveries made after captures (and refunds), with the app's answer. */
  deliveries: { eventId: string; status: number }[];
  /** Refunds made through `POST /v2/payments/captures/{id}/refund` (idempotent replays excluded), by id. */
  refunds: Map<string, StandInPaypalRefund>;
  close(): Promise<void>;
};

export type PaypalStandInOptions = { webhookUrl?: string; clientId?: string; clientSecret?: string; webhookId?: string };

const token = (bytes = 12) => randomBytes(bytes).toString("hex");
const upperId = (length = 17) => randomBytes(length).toString("hex").toUpperCase().slice(0, length);

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json", "paypal-debug-id": token(6) });
  res.end(JSON.stringify(body));
}

const paypalError = (name: string, issue: string, description: string) => ({ name, message: description, debug_id: token(6), details: [{ issue, description }] });
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startPaypalStandIn(options: PaypalStandInOptions = {}): Promise<PaypalStandIn> {
  const clientId = options.clientId ?? `client_${token(8)}`;
  const clientSecret = options.clientSecret ?? `secret_${token(12)}`;
  const webhookId = options.webhookId ?? `WH-${upperId(17)}`;
  const orders = new Map<string, StandInOrder>();
  const tokens = new Set<string>();
  const replays = new Map<string, { status: number; body: unknown }>();
  const overrides = new Map<string, Partial<Pick<StandInCapture, "status" | "amount">>>();
  const transmissions = new Map<string, { sig: string; event: string }>();
  const deliveries: PaypalStandIn["deliveries"] = [];
  let createdCount = 0;
  let capturedCount = 0;
  let base = "";

  const orderView = (order: StandInOrder) => ({
    id: order.id,
    intent: order.intent,
    status: order.status,
    purchase_units: order.purchase_units.map((unit, index) =>
      index === 0 && order.capture
        ? { ...unit, payments: { captures: [{ ...order.capture, custom_id: unit.custom_id, invoice_id: unit.invoice_id, final_capture: true, create_time: new Date().toISOString() }] } }
        : unit,
    ),
    links: [
      { href: `${base}/v2/checkout/orders/${order.id}`, rel: "self", method: "GET" },
      ...(order.status === "CREATED" ? [{ href: `${base}/checkoutnow?token=${order.id}`, rel: "payer-action", method: "GET" }] : []),
    ],
  });

  const captureResource = (order: StandInOrder, status?: string) => {
    const unit = order.purchase_units[0] ?? {};
    return {
      id: order.capture?.id ?? upperId(17),
      status: status ?? order.capture?.status ?? "COMPLETED",
      amount: order.capture?.amount ?? unit.amount,
      custom_id: unit.custom_id,
      invoice_id: unit.invoice_id,
      final_capture: true,
      supplementary_data: { related_ids: { order_id: order.id } },
      create_time: new Date().toISOString(),
      links: [{ href: `${base}/v2/payments/captures/${order.capture?.id ?? ""}`, rel: "self", method: "GET" }],
    };
  };

  const delivery: PaypalStandIn["delivery"] = (type, resource, deliveryOptions = {}) => {
    const event = {
      id: deliveryOptions.eventId ?? `WH-${upperId(8)}-${upperId(17)}`,
      event_version: "1.0",
      create_time: new Date().toISOString(),
      resource_type: type.startsWith("PAYMENT.CAPTURE.REFUNDED") ? "refund" : "capture",
      resource_version: "2.0",
      event_type: type,
      summary: `Event ${type}`,
      resource,
    };
    const body = JSON.stringify(event);
    const transmissionId = randomBytes(16).toString("hex");
    const sig = randomBytes(48).toString("base64");
    transmissions.set(transmissionId, { sig, event: body });
    return {
      event,
      body,
      headers: {
        "content-type": "application/json",
        "paypal-transmission-id": transmissionId,
        "paypal-transmission-time": new Date().toISOString(),
        "paypal-transmission-sig": sig,
        "paypal-cert-url": `${base}/v1/notifications/certs/CERT-360caa42-fca2a594-stand-in`,
        "paypal-auth-algo": "SHA256withRSA",
      },
    };
  };

  const captureEvent: PaypalStandIn["captureEvent"] = (type, orderId, eventOptions) => {
    const order = orders.get(orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    return delivery(type, captureResource(order, type === "PAYMENT.CAPTURE.DENIED" ? "DECLINED" : undefined), eventOptions);
  };

  async function deliver(order: StandInOrder) {
    if (!options.webhookUrl) return;
    const made = captureEvent("PAYMENT.CAPTURE.COMPLETED", order.id);
    try {
      const response = await fetch(options.webhookUrl, { method: "POST", headers: made.headers, body: made.body });
      deliveries.push({ eventId: String(made.event.id), status: response.status });
    } catch {
      deliveries.push({ eventId: String(made.event.id), status: 0 });
    }
  }

  const authorized = (req: http.IncomingMessage) => {
    const header = req.headers.authorization ?? "";
    return header.startsWith("Bearer ") && tokens.has(header.slice(7));
  };

  function replayed(req: http.IncomingMessage, res: http.ServerResponse, scope: string): string | null {
    const requestId = req.headers["paypal-request-id"];
    const key = typeof requestId === "string" && requestId ? `${scope}:${requestId}` : null;
    const known = key ? replays.get(key) : undefined;
    if (known) {
      send(res, known.status, known.body);
      return null;
    }
    return key ?? "";
  }

  // Refunds of captures (appended: PAYMENT.CAPTURE.REFUNDED deliveries after a refund).
  const refunds = new Map<string, StandInPaypalRefund>();
  const zeroDecimal = new Set(["JPY", "HUF", "TWD"]);
  const decimals = (currency: string) => (zeroDecimal.has(currency.toUpperCase()) ? 0 : 2);
  const toMinor = (value: string, currency: string) => Math.round(Number(value) * 10 ** decimals(currency));
  const toValue = (minor: number, currency: string) => (minor / 10 ** decimals(currency)).toFixed(decimals(currency));
  const refundedMinor = (captureId: string, currency: string) =>
    [...refunds.values()].filter((refund) => refund.captureId === captureId).reduce((sum, refund) => sum + toMinor(refund.amount.value, currency), 0);

  const refundResource = (refund: StandInPaypalRefund, capture: StandInCapture) => {
    const currency = capture.amount.currency_code;
    const now = new Date().toISOString();
    return {
      id: refund.id,
      status: refund.status,
      amount: refund.amount,
      ...(refund.custom_id ? { custom_id: refund.custom_id } : {}),
      ...(refund.note_to_payer ? { note_to_payer: refund.note_to_payer } : {}),
      seller_payable_breakdown: {
        gross_amount: refund.amount,
        paypal_fee: { currency_code: currency, value: toValue(0, currency) },
        net_amount: refund.amount,
        total_refunded_amount: { currency_code: currency, value: toValue(refundedMinor(capture.id, currency), currency) },
      },
      create_time: now,
      update_time: now,
      links: [
        { href: `${base}/v2/payments/refunds/${refund.id}`, rel: "self", method: "GET" },
        { href: `${base}/v2/payments/captures/${capture.id}`, rel: "up", method: "GET" },
      ],
    };
  };

  async function deliverRefund(resource: Record<string, unknown>) {
    if (!options.webhookUrl) return;
    const made = delivery("PAYMENT.CAPTURE.REFUNDED", resource);
    try {
      const response = await fetch(options.webhookUrl, { method: "POST", headers: made.headers, body: made.body });
      deliveries.push({ eventId: String(made.event.id), status: response.status });
    } catch {
      deliveries.push({ eventId: String(made.event.id), status: 0 });
    }
  }

  function refundCapture(req: http.IncomingMessage, res: http.ServerResponse, captureId: string, body: string) {
    if (!authorized(req)) return send(res, 401, { error: "invalid_token", error_description: "Authentication failed" });
    if (req.method !== "POST") return send(res, 405, paypalError("METHOD_NOT_SUPPORTED", "METHOD_NOT_SUPPORTED", "Method not supported"));
    const capture = [...orders.values()].map((order) => order.capture).find((made) => made?.id === captureId);
    if (!capture) return send(res, 404, paypalError("RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist. Please check the resource ID and try again."));
    const key = replayed(req, res, `refund:${captureId}`);
    if (key === null) return;
    const answer = (status: number, response: unknown) => {
      if (key) replays.set(key, { status, body: response });
      send(res, status, response);
    };
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(body || "{}") as Record<string, unknown>;
    } catch {
      return answer(400, paypalError("INVALID_REQUEST", "MALFORMED_REQUEST_JSON", "The request JSON is not well formed."));
    }
    const currency = capture.amount.currency_code;
    if (capture.status !== "COMPLETED" && capture.status !== "PARTIALLY_REFUNDED") {
      return answer(422, paypalError("UNPROCESSABLE_ENTITY", capture.status === "REFUNDED" ? "CAPTURE_FULLY_REFUNDED" : "INVALID_CAPTURE_STATUS", `The capture is ${capture.status}.`));
    }
    const left = toMinor(capture.amount.value, currency) - refundedMinor(capture.id, currency);
    const asked = input.amount as { currency_code?: unknown; value?: unknown } | undefined;
    if (asked !== undefined && (typeof asked?.value !== "string" || !/^\d+(\.\d{1,2})?$/.test(asked.value) || typeof asked.currency_code !== "string")) {
      return answer(400, paypalError("INVALID_REQUEST", "INVALID_PARAMETER_VALUE", "Request is not well-formed, syntactically incorrect, or violates schema."));
    }
    if (asked && asked.currency_code !== currency) return answer(422, paypalError("UNPROCESSABLE_ENTITY", "REFUND_CURRENCY_MISMATCH", "Refund must be in the same currency as the capture."));
    const amountMinor = asked ? toMinor(String(asked.value), currency) : left;
    if (amountMinor <= 0) return answer(422, paypalError("UNPROCESSABLE_ENTITY", "INVALID_REFUND_AMOUNT", "The refund amount must be positive."));
    if (amountMinor > left) {
      return answer(422, paypalError("UNPROCESSABLE_ENTITY", "REFUND_AMOUNT_EXCEEDED", "The refund amount must be less than or equal to the capture amount that has not yet been refunded."));
    }
    const refund: StandInPaypalRefund = {
      id: upperId(17),
      captureId: capture.id,
      status: "COMPLETED",
      amount: { currency_code: currency, value: toValue(amountMinor, currency) },
      custom_id: typeof input.custom_id === "string" ? input.custom_id : null,
      note_to_payer: typeof input.note_to_payer === "string" ? input.note_to_payer : null,
      requestId: typeof req.headers["paypal-request-id"] === "string" ? req.headers["paypal-request-id"] : null,
    };
    refunds.set(refund.id, refund);
    capture.status = amountMinor === left ? "REFUNDED" : "PARTIALLY_REFUNDED";
    const resource = refundResource(refund, capture);
    answer(201, resource);
    // PayPal notifies asynchronously, after answering the refund.
    setTimeout(() => void deliverRefund(resource), 50);
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", base);
      const body = await readBody(req);
      const path = url.pathname;

      if (req.method === "POST" && path === "/v1/oauth2/token") {
        const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
        if (req.headers.authorization !== expected || new URLSearchParams(body).get("grant_type") !== "client_credentials") {
          return send(res, 401, { error: "invalid_client", error_description: "Client Authentication failed" });
        }
        const accessToken = `A21AA${token(24)}`;
        tokens.add(accessToken);
        return send(res, 200, { scope: "https://uri.paypal.com/services/payments/payment", access_token: accessToken, token_type: "Bearer", app_id: "APP-STANDIN", expires_in: 32400, nonce: token(8) });
      }

      if (req.method === "GET" && path === "/checkoutnow") {
        const order = orders.get(url.searchParams.get("token") ?? "");
        if (!order) return send(res, 404, paypalError("RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Order not found"));
        const amount = order.purchase_units[0]?.amount as { value?: string; currency_code?: string } | undefined;
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        return res.end(
          `<!doctype html><html><head><title>PayPal Checkout (stand-in)</title></head><body><h1>PayPal</h1>` +
            `<p>${escapeHtml(String(order.purchase_units[0]?.description ?? ""))}</p>` +
            `<p>Total: ${escapeHtml(`${amount?.value ?? ""} ${amount?.currency_code ?? ""}`)}</p>` +
            `<form method="post" action="/checkoutnow/approve?token=${encodeURIComponent(order.id)}"><button type="submit">Approve</button></form>` +
            (order.cancel_url ? `<a href="${escapeHtml(order.cancel_url)}">Cancel and return</a>` : "") +
            `</body></html>`,
        );
      }
      if (req.method === "POST" && path === "/checkoutnow/approve") {
        const order = orders.get(url.searchParams.get("token") ?? "");
        if (!order?.return_url) return send(res, 404, paypalError("RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Order not found"));
        if (order.status === "CREATED") order.status = "APPROVED";
        const target = new URL(order.return_url);
        target.searchParams.set("token", order.id);
        target.searchParams.set("PayerID", upperId(13));
        res.writeHead(303, { location: target.toString() });
        return res.end();
      }

      if (req.method === "POST" && path === "/v1/notifications/verify-webhook-signature") {
        if (!authorized(req)) return send(res, 401, { error: "invalid_token", error_description: "Token signature verification failed" });
        const input = JSON.parse(body || "{}") as Record<string, unknown>;
        const made = transmissions.get(String(input.transmission_id));
        const success = Boolean(made) && made?.sig === input.transmission_sig && input.webhook_id === webhookId && JSON.stringify(input.webhook_event) === made?.event;
        return send(res, 200, { verification_status: success ? "SUCCESS" : "FAILURE" });
      }

      const refundPath = /^\/v2\/payments\/captures\/([A-Za-z0-9]+)\/refund$/.exec(path);
      if (refundPath?.[1]) return refundCapture(req, res, refundPath[1], body);

      if (!path.startsWith("/v2/checkout/orders")) return send(res, 404, paypalError("RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Not found"));
      if (!authorized(req)) return send(res, 401, { error: "invalid_token", error_description: "Authentication failed" });

      if (req.method === "POST" && path === "/v2/checkout/orders") {
        const key = replayed(req, res, "create");
        if (key === null) return;
        const input = JSON.parse(body || "{}") as Record<string, unknown>;
        const units = Array.isArray(input.purchase_units) ? (input.purchase_units as Record<string, unknown>[]) : [];
        const amount = units[0]?.amount as { value?: unknown; currency_code?: unknown } | undefined;
        if (input.intent !== "CAPTURE" || units.length === 0 || typeof amount?.value !== "string" || !/^\d+(\.\d{1,2})?$/.test(amount.value) || typeof amount.currency_code !== "string") {
          return send(res, 400, paypalError("INVALID_REQUEST", "INVALID_PARAMETER_VALUE", "Request is not well-formed"));
        }
        const context = ((input.payment_source as { paypal?: { experience_context?: Record<string, unknown> } } | undefined)?.paypal?.experience_context ?? input.application_context ?? {}) as Record<string, unknown>;
        const order: StandInOrder = {
          id: upperId(17),
          status: "CREATED",
          intent: "CAPTURE",
          purchase_units: units.map((unit, index) => ({ reference_id: index === 0 ? "default" : String(index), ...unit })),
          return_url: typeof context.return_url === "string" ? context.return_url : null,
          cancel_url: typeof context.cancel_url === "string" ? context.cancel_url : null,
          capture: null,
        };
        orders.set(order.id, order);
        createdCount += 1;
        const response = orderView(order);
        if (key) replays.set(key, { status: 200, body: response });
        return send(res, 200, response);
      }

      const match = /^\/v2\/checkout\/orders\/([A-Z0-9]+)(\/capture)?$/.exec(path);
      const order = match?.[1] ? orders.get(match[1]) : undefined;
      if (!order) return send(res, 404, paypalError("RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist."));
      if (req.method === "GET" && !match?.[2]) return send(res, 200, orderView(order));
      if (req.method === "POST" && match?.[2]) {
        const key = replayed(req, res, `capture:${order.id}`);
        if (key === null) return;
        if (order.status === "COMPLETED") return send(res, 422, paypalError("UNPROCESSABLE_ENTITY", "ORDER_ALREADY_CAPTURED", "Order already captured."));
        if (order.status !== "APPROVED") return send(res, 422, paypalError("UNPROCESSABLE_ENTITY", "ORDER_NOT_APPROVED", "Payer has not yet approved the Order for payment."));
        const override = overrides.get(order.id) ?? {};
        const amount = (order.purchase_units[0]?.amount ?? {}) as { currency_code: string; value: string };
        order.capture = { id: upperId(17), status: override.status ?? "COMPLETED", amount: override.amount ?? { currency_code: amount.currency_code, value: amount.value } };
        order.status = "COMPLETED";
        capturedCount += 1;
        const response = orderView(order);
        if (key) replays.set(key, { status: 201, body: response });
        send(res, 201, response);
        // PayPal notifies asynchronously, after answering the capture.
        if (order.capture.status === "COMPLETED") setTimeout(() => void deliver(order), 50);
        return;
      }
      return send(res, 405, paypalError("METHOD_NOT_SUPPORTED", "METHOD_NOT_SUPPORTED", "Method not supported"));
    })().catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, paypalError("INTERNAL_SERVER_ERROR", "INTERNAL_SERVICE_ERROR", String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    clientId,
    clientSecret,
    webhookId,
    orders,
    created: () => createdCount,
    captured: () => capturedCount,
    approve(orderId) {
      const order = orders.get(orderId);
      if (!order) throw new Error(`no order ${orderId}`);
      if (order.status === "CREATED") order.status = "APPROVED";
    },
    overrideCapture(orderId, capture) {
      overrides.set(orderId, capture);
    },
    delivery,
    captureEvent,
    deliveries,
    refunds,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
