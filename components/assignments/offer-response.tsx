"use client";

import { useId } from "react";
import { useRouter } from "next/navigation";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { AssignmentRef } from "./assignment-ref";
import { useAssignmentAction, type FormAction } from "./use-assignment-action";

type Props<T> = { action: FormAction<T>; assignmentId: string; version: number; listHref: string };

/**
 * A teacher's answer to an offer. Declining ends their access, so it asks first (with the reason
 * inside the dialog) and then returns to the list.
 */
export function OfferResponse<T>({ action, assignmentId, version, listHref }: Props<T>) {
  const router = useRouter();
  const declineForm = useId();
  const [accepted, accept] = useAssignmentAction(action, "Offer accepted");
  const [declined, decline] = useAssignmentAction(action, "Offer declined", () => router.push(listHref));
  const errors = declined.fieldErrors ?? {};
  return (
    <div className="space-y-3">
      <FormMessage state={accepted} />
      <FormMessage state={declined} />
      {errors.reason ? <p className="text-sm text-red-700">{errors.reason.join(" ")}</p> : null}
      <p className="text-sm text-muted-foreground">Read the brief, then answer: accepting starts the work; declining hands it back to the support team.</p>
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        <form action={accept}>
          <AssignmentRef id={assignmentId} version={version} />
          <input type="hidden" name="decision" value="accept" />
          <SubmitButton pendingText="Accepting…" className="w-full sm:w-auto">
            Accept offer
          </SubmitButton>
        </form>
        <ConfirmDialog
          trigger="Decline offer"
          title="Decline this offer?"
          description={
            <>
              <p>You lose access to this assignment and the support team offers it to someone else.</p>
              {/* Outside the form in the DOM, inside it through the form attribute; the browser asks for it before closing. */}
              <div className="mt-4 text-left text-foreground">
                <TextareaField
                  form={declineForm}
                  label="Reason"
                  name="reason"
                  rows={3}
                  required
                  minLength={3}
                  maxLength={1000}
                  hint="Tell the support team why, so they can find someone else."
                  defaultValue={declined.status === "error" ? declined.values?.reason : undefined}
                  errors={errors.reason}
                />
              </div>
            </>
          }
          cancelLabel="Keep offer"
        >
          <form id={declineForm} action={decline}>
            <AssignmentRef id={assignmentId} version={version} />
            <input type="hidden" name="decision" value="decline" />
            <SubmitButton variant="destructive" pendingText="Declining…" className="w-full sm:w-auto">
              Decline offer
            </SubmitButton>
          </form>
        </ConfirmDialog>
      </div>
    </div>
  );
}
