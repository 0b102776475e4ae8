"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { verifyEmailAction, type VerifyOutcome } from "@/app/(auth)/verify-email/actions";
import { buttonClass } from "@/components/ui/button";
import { AuthCard } from "./auth-card";
import { forgetLinkToken, takeLinkToken } from "./link-token";
import { LinkNotWorking } from "./link-not-working";

const STORAGE_KEY = "nano-verify-token";

/** Opening the emailed link confirms the address: the page reads the token and posts it once. */
export function VerifyEmailFlow() {
  const [outcome, setOutcome] = useState<VerifyOutcome | null>(null);
  // Once only: a second post (React runs effects twice in development) would find the link used.
  const posted = useRef(false);
  useEffect(() => {
    if (posted.current) return;
    posted.current = true;
    const body = new FormData();
    body.set("token", takeLinkToken(STORAGE_KEY) ?? "");
    verifyEmailAction(body).then(
      (result) => {
        forgetLinkToken(STORAGE_KEY);
        setOutcome(result);
      },
      () => setOutcome({ verified: false }),
    );
  }, []);

  if (outcome && !outcome.verified) {
    return (
      <LinkNotWorking action={{ href: "/student", label: "Go to my account" }}>
        <p>A confirmation link works once, for 48 hours. This one has been used, has expired, or is not complete.</p>
        <p>If your email is already confirmed, there is nothing more to do. Otherwise sign in and choose “Resend link” in the notice at the top of the page.</p>
      </LinkNotWorking>
    );
  }
  return (
    <AuthCard title={outcome ? "Email confirmed" : "Confirming your email"}>
      {outcome ? (
        <div className="space-y-4 text-sm text-slate-700">
          <p role="status" data-testid="email-verified">
            Thank you: your email is confirmed. You can now request help and pay invoices.
          </p>
          <Link href={outcome.home} className={buttonClass("primary", "w-full")}>
            Go to my account
          </Link>
        </div>
      ) : (
        <p role="status" className="text-sm text-slate-600">
          Checking your link…
          <noscript> This page needs JavaScript to read the link from your email.</noscript>
        </p>
      )}
    </AuthCard>
  );
}
