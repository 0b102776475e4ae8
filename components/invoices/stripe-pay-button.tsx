"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Starts a Stripe Checkout for the balance and sends the browser there; Stripe's webhook marks it paid. */
export function StripePayButton({ invoiceId, expectedVersion }: { invoiceId: string; expectedVersion: number }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  async function pay() {
    setPending(true);
    setError(undefined);
    const response = await fetch(`/api/invoices/${invoiceId}/stripe-checkout`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ expectedVersion }),
    }).catch(() => null);
    const payload = (await response?.json().catch(() => null)) as { data?: { url: string }; error?: string } | null;
    if (response?.ok && payload?.data?.url) {
      window.location.assign(payload.data.url);
      return;
    }
    setPending(false);
    setError(payload?.error ?? "Card payment could not start. Try again in a moment.");
  }
  return (
    <div>
      <Button onClick={pay} disabled={pending} className="w-full">
        {pending ? "Opening Stripe…" : "Pay with card"}
      </Button>
      {error ? (
        <p role="status" className="mt-2 text-sm text-red-700" data-testid="pay-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
