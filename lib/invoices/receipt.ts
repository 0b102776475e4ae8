/** The reference a student may quote for a payment: derived from our own id, never a provider's. */
export function receiptReference(paymentId: string): string {
  return `PAY-${paymentId.replace(/-/g, "").slice(0, 8).toUpperCase()}`;
}
