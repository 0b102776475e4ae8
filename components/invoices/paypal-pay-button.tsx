"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Starts a PayPal order for the balance and sends the browser to PayPal to approve it; the app captures it when PayPal sends the browser back. */
export function PaypalPayButton({ invoiceId, expectedVersion }: { invoiceId: string; expectedVersion: number }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  async function pay() {
    setPending(true);
    setError(undefined);
    const response = await fetch(`/api/invoices/${invoiceId}/paypal-order`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ expectedVersion }),
    }).catch(() => null);
    const payload = (await response?.json().catch(() => null)) as { data?: { approveUrl: string }; error?: string } | null;
    if (response?.ok && payload?.data?.approveUrl) {
      window.location.assign(payload.data.approveUrl);
      return;
    }
    setPending(false);
    setError(payload?.error ?? "PayPal payment could not start. Try again in a moment.");
  }
  return (
    <div>
      <Button onClick={pay} disabled={pending} className="w-full">
        {pending ? "Opening PayPal…" : "Pay with PayPal"}
      </Button>
      {error ? (
        <p role="status" className="mt-2 text-sm text-red-700" data-testid="paypal-pay-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
