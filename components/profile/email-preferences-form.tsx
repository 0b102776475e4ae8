"use client";

import { useActionState } from "react";
import { updateEmailPreferencesAction } from "@/app/(portal)/profile/actions";
import type { FormState } from "@/lib/actions/form-state";
import type { EmailPreference } from "@/lib/notifications/email-preferences";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

const idle: FormState<{ enabled: string[]; message: string }> = { status: "idle" };

/** One checkbox per kind of email; every notification still appears in the app whatever is chosen here. */
export function EmailPreferencesForm({ email, preferences }: { email: string; preferences: EmailPreference[] }) {
  const [state, action] = useActionState(updateEmailPreferencesAction, idle);
  const shown: FormState = state.status === "success" ? { status: "success", message: state.data?.message } : state;
  // React resets a form after its action succeeds: to the saved choices, not the first render's.
  const saved = state.status === "success" && state.data ? new Set(state.data.enabled) : null;
  return (
    <form action={action} className="space-y-4">
      <FormMessage state={shown} />
      <fieldset>
        <legend className="text-sm text-slate-700">
          Email me at <span className="break-all font-medium text-slate-900">{email}</span> when:
        </legend>
        <ul className="mt-3 divide-y rounded-md border">
          {preferences.map((preference) => (
            <li key={preference.kind} className="flex items-start gap-3 p-3">
              <input
                id={`email-${preference.kind}`}
                type="checkbox"
                name="email"
                value={preference.kind}
                defaultChecked={saved ? saved.has(preference.kind) : preference.enabled}
                aria-describedby={`email-${preference.kind}-hint`}
                className="mt-0.5 size-4 shrink-0 rounded border-input accent-brand-600 focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
              />
              <div className="min-w-0">
                <label htmlFor={`email-${preference.kind}`} className="text-sm font-medium text-slate-900">
                  {preference.label}
                </label>
                <p id={`email-${preference.kind}-hint`} className="text-xs text-slate-600">
                  {preference.description}
                </p>
              </div>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-slate-600">You always see these notifications in the app; this only chooses which also come by email.</p>
      </fieldset>
      <SubmitButton pendingText="Saving…">Save email choices</SubmitButton>
    </form>
  );
}
