"use client";

import { MailAlert } from "lucide-react";
import { useActionState } from "react";
import { resendVerificationAction } from "@/app/(portal)/student/resend-verification-action";
import type { FormState } from "@/lib/actions/form-state";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** Shown on student pages until the email is confirmed; requests and payments wait for it. */
const idle: FormState<{ message: string }> = { status: "idle" };

export function VerifyEmailBanner({ email }: { email: string }) {
  const [state, action] = useActionState(resendVerificationAction, idle);
  const shown: FormState = state.status === "success" ? { status: "success", message: state.data?.message } : state;
  return (
    <section aria-label="Confirm your email" data-testid="verify-email-banner" className="mb-6 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex min-w-0 gap-3">
          <MailAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-amber-700" />
          <p className="min-w-0">
            <strong className="font-semibold">Confirm your email to request help and pay invoices.</strong> We sent a link to{" "}
            <span className="break-all font-medium">{email}</span>.
          </p>
        </div>
        <form action={action} className="shrink-0">
          <SubmitButton variant="outline" pendingText="Sending…" className="w-full sm:w-auto">
            Resend link
          </SubmitButton>
        </form>
      </div>
      {shown.message ? (
        <div className="mt-3">
          <FormMessage state={shown} />
        </div>
      ) : null}
    </section>
  );
}
