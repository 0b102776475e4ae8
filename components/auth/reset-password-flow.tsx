"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { checkResetLinkAction, resetPasswordAction, type ResetOutcome } from "@/app/(auth)/reset-password/actions";
import { checkSetupLinkAction, setPasswordAction } from "@/app/(auth)/set-password/actions";
import type { FormState } from "@/lib/actions/form-state";
import { PASSWORD_MIN } from "@/lib/auth/schemas";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { AuthCard } from "./auth-card";
import { forgetLinkToken, takeLinkToken } from "./link-token";
import { LinkNotWorking } from "./link-not-working";
import { PasswordField } from "./password-field";
import { useFocusFirstError } from "./use-focus-first-error";

const modes = {
  reset: {
    storageKey: "nano-reset-token",
    check: checkResetLinkAction,
    submit: resetPasswordAction,
    title: "Choose a new password",
    subtitle: "Setting it signs you out on every device; then sign in with the new one.",
    button: "Set new password",
    expired: "A reset link works once, for 30 minutes. This one has been used, has expired, or is not complete.",
    again: "Ask for a new one; it reaches you if your account can use it.",
  },
  setup: {
    storageKey: "nano-setup-token",
    check: checkSetupLinkAction,
    submit: setPasswordAction,
    title: "Choose your password",
    subtitle: "Your student account is ready. Choose a password, then sign in with your email.",
    button: "Set password",
    expired: "This link works once, for 7 days. It has been used, has expired, or is not complete.",
    again: "Ask for a password reset link instead; it reaches you at the email of your account.",
  },
} as const;
const idle: FormState<ResetOutcome> = { status: "idle" };

type LinkState = { status: "checking" } | { status: "usable"; token: string } | { status: "not-working" };

/** Reads the emailed token, asks the server whether it still works, then shows the form or the one "does not work" page. */
export function ResetPasswordFlow({ mode = "reset" }: { mode?: keyof typeof modes }) {
  const text = modes[mode];
  const STORAGE_KEY = text.storageKey;
  const [link, setLink] = useState<LinkState>({ status: "checking" });
  const [state, action] = useActionState(text.submit, idle);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);

  useEffect(() => {
    const token = takeLinkToken(STORAGE_KEY);
    const body = new FormData();
    body.set("token", token ?? "");
    // Sent as a form body, so the token is never in a URL or a logged argument.
    text.check(body).then(
      (usable) => setLink(usable && token ? { status: "usable", token } : { status: "not-working" }),
      () => setLink({ status: "not-working" }),
    );
  }, [STORAGE_KEY, text]);

  const notWorking = link.status === "not-working" || state.data?.linkNotWorking === true;
  useEffect(() => {
    if (notWorking) forgetLinkToken(STORAGE_KEY);
  }, [notWorking, STORAGE_KEY]);

  if (notWorking) {
    return (
      <LinkNotWorking action={{ href: "/forgot-password", label: "Send me a new link" }}>
        <p>{text.expired}</p>
        <p>{text.again}</p>
      </LinkNotWorking>
    );
  }
  const errors = state.fieldErrors ?? {};
  return (
    <AuthCard title={text.title} subtitle={text.subtitle}>
      {link.status === "checking" ? (
        <p role="status" className="text-sm text-slate-600">
          Checking your link…
          <noscript> This page needs JavaScript to read the link from your email.</noscript>
        </p>
      ) : (
        <form ref={form} action={action} className="space-y-5" noValidate>
          <FormMessage state={state} />
          <input type="hidden" name="token" value={link.token} />
          <PasswordField label="New password" name="newPassword" autoComplete="new-password" required hint={`At least ${PASSWORD_MIN} characters, not your email.`} errors={errors.newPassword} />
          <PasswordField label="Confirm new password" name="confirmPassword" autoComplete="new-password" required errors={errors.confirmPassword} />
          <SubmitButton className="w-full" pendingText="Saving…">
            {text.button}
          </SubmitButton>
        </form>
      )}
    </AuthCard>
  );
}
