/**
 * Thrown inside a provider event's transaction when the invoice rules cannot apply what the
 * provider reports (a refund on an invoice that is not paid, a refund of a payment that never
 * succeeded). Retrying would not change the answer, so the webhook ledger records the event and
 * flags the payment for staff instead of asking the provider to retry (lib/payments/webhook-ledger.ts).
 */
export class RefusedByRules extends Error {
  constructor(
    message: string,
    readonly paymentId: string | null = null,
  ) {
    super(message);
    this.name = "RefusedByRules";
  }
}
