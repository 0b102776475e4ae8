import type { Database, Transaction } from "@/db/client";
import { logger } from "@/lib/log/logger";
import { recordAndApply, type WebhookResponse } from "../webhook-ledger";
import type { Paypal, PaypalTransmission } from "./client";
import { refundCapture, settleCapture, type Settled } from "./settle";

export type { WebhookResponse };

/** The parts of a PayPal webhook event (v1 notifications envelope, v2 payments resources) read here. */
type Money = { currency_code?: string; value?: string };
type Link = { rel?: string; href?: string };
type CaptureResource = {
  id?: string;
  status?: string;
  amount?: Money;
  custom_id?: string;
  invoice_id?: string;
  create_time?: string;
  supplementary_data?: { related_ids?: { order_id?: string; capture_id?: string } };
  seller_payable_breakdown?: { total_refunded_amount?: Money };
  links?: Link[];
};
type PaypalEvent = { id: string; event_type: string; resource?: CaptureResource };

const str = (value: unknown) => (typeof value === "string" ? value : undefined);

function transmissionOf(headers: Headers): PaypalTransmission | null {
  const transmission = {
    transmissionId: headers.get("paypal-transmission-id"),
    transmissionTime: headers.get("paypal-transmission-time"),
    transmissionSig: headers.get("paypal-transmission-sig"),
    certUrl: headers.get("paypal-cert-url"),
    authAlgo: headers.get("paypal-auth-algo"),
  };
  return Object.values(transmission).every((value) => value) ? (transmission as PaypalTransmission) : null;
}

function parseEvent(rawBody: string): PaypalEvent | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
  const record = parsed as Record<string, unknown>;
  const id = str(record.id);
  const type = str(record.event_type);
  if (!id || !type || id.length > 255) return null;
  const resource = record.resource && typeof record.resource === "object" ? (record.resource as CaptureResource) : undefined;
  return { id, event_type: type, resource };
}

const dateOf = (text: string | undefined) => {
  const at = text ? new Date(text) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at : undefined;
};

async function apply(tx: Transaction, event: PaypalEvent): Promise<Settled> {
  const resource = event.resource ?? {};
  const captureId = str(resource.id);
  switch (event.event_type) {
    case "PAYMENT.CAPTURE.COMPLETED":
    case "PAYMENT.CAPTURE.DENIED":
    case "PAYMENT.CAPTURE.DECLINED": {
      const orderId = str(resource.supplementary_data?.related_ids?.order_id);
      if (!captureId || !orderId) return { result: "ignored", error: "capture without an order id", notifications: [] };
      const status = event.event_type === "PAYMENT.CAPTURE.COMPLETED" ? "COMPLETED" : event.event_type === "PAYMENT.CAPTURE.DENIED" ? "DENIED" : "DECLINED";
      return settleCapture(tx, orderId, str(resource.custom_id) ?? str(resource.invoice_id), {
        captureId,
        status,
        currency: str(resource.amount?.currency_code),
        value: str(resource.amount?.value),
        at: dateOf(str(resource.create_time)),
      });
    }
    case "PAYMENT.CAPTURE.REFUNDED": {
      // The resource is the refund; it names its capture by the "up" link (and related ids when present).
      if (!captureId) return { result: "ignored", error: "refund without an id", notifications: [] };
      const up = resource.links?.find((link) => link.rel === "up")?.href;
      const fromLink = up ? /\/captures\/([^/?#]+)/.exec(up)?.[1] : undefined;
      // The total refunded on the capture so far (PayPal's breakdown), else this refund's own amount.
      const total = resource.seller_payable_breakdown?.total_refunded_amount ?? resource.amount;
      return refundCapture(tx, {
        refundId: captureId,
        captureId: str(resource.supplementary_data?.related_ids?.capture_id) ?? fromLink,
        orderId: str(resource.supplementary_data?.related_ids?.order_id),
        totalRefunded: { currency: str(total?.currency_code), value: str(total?.value) },
      });
    }
    default:
      return { result: "ignored", notifications: [] };
  }
}

/**
 * PayPal's webhook: the delivery is verified first with PayPal's verify-webhook-signature API
 * (transmission headers, our webhook id and the event); anything but SUCCESS answers 400 and
 * writes nothing, and a verification PayPal cannot answer is a 500 (PayPal retries). The event
 * then goes through the ledger (recordAndApply): applied once, retried by PayPal after a failure of
 * ours, notifications published after the commit.
 */
export async function handlePaypalWebhook(db: Database, paypal: Paypal, rawBody: string, headers: Headers, webhookId: string): Promise<WebhookResponse> {
  const transmission = transmissionOf(headers);
  if (!transmission) return { status: 400, body: { error: "Missing PayPal transmission headers" } };
  const event = parseEvent(rawBody);
  if (!event) return { status: 400, body: { error: "Invalid payload" } };
  let verified: boolean;
  try {
    verified = await paypal.verifyWebhookSignature(transmission, webhookId, JSON.parse(rawBody));
  } catch (error) {
    logger.error("paypal webhook verification failed", { eventId: event.id, error: error instanceof Error ? error.stack : String(error) });
    return { status: 500, body: { error: "Could not verify the webhook" } };
  }
  if (!verified) return { status: 400, body: { error: "Invalid signature" } };

  return recordAndApply(db, { provider: "paypal", id: event.id, type: event.event_type, payload: JSON.parse(rawBody) as unknown }, (tx) => apply(tx, event));
}
