import { NextResponse } from "next/server";
import { z } from "zod";
import { pathSegment } from "./path-segment";
import { readJsonBody, refuseBody } from "./read-body";

// The body is `{ expectedVersion }`; anything near this size is not from the Pay button.
const MAX_BODY_BYTES = 16 * 1024;

/** The request's Origin when it names this app's host (as the browser reached it), else null. */
export function appOrigin(headers: Headers): string | null {
  const origin = headers.get("origin");
  if (!origin) return null;
  try {
    const url = new URL(origin);
    const hosts = [headers.get("x-forwarded-host"), headers.get("host")].filter((host): host is string => Boolean(host));
    return (url.protocol === "http:" || url.protocol === "https:") && hosts.includes(url.host) ? url.origin : null;
  } catch {
    return null;
  }
}

export type PaymentStart = { origin: string; invoiceId: string; expectedVersion: number };

// The Pay button always sends the version its page showed, so a payment never starts on an
// invoice the student has not seen (changed, voided or re-issued meanwhile).
const paymentStartBody = z.object({ expectedVersion: z.number().int().positive().max(2_147_483_647) });

/**
 * What a student's Pay button sends to start a provider's payment: the invoice from the URL
 * (`/api/invoices/{id}/…`), the version the page showed, and the app's origin for the provider's
 * return URLs. A Response when the request cannot start one.
 */
export async function readPaymentStart(request: Request): Promise<PaymentStart | Response> {
  // jsonRoute has checked the request is same-origin; the Origin header then names the app as the browser reached it.
  const origin = appOrigin(request.headers);
  if (!origin) return NextResponse.json({ error: "Cross-site request refused" }, { status: 403 });
  const read = await readJsonBody(request, MAX_BODY_BYTES);
  if (!read.ok) return refuseBody(request, read);
  const body = paymentStartBody.safeParse(read.value);
  if (!body.success) return NextResponse.json({ error: "Reload the page and try again: the request did not say which version of the invoice you saw." }, { status: 400 });
  const invoiceId = pathSegment(request.url, 1);
  return { origin, invoiceId, expectedVersion: body.data.expectedVersion };
}
