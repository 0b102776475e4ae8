"use client";

import { useRouter } from "next/navigation";
import { TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { AssignmentRef } from "./assignment-ref";
import { useAssignmentAction, type FormAction } from "./use-assignment-action";

type Props<T> = { action: FormAction<T>; assignmentId: string; version: number; listHref: string };

/** A teacher's answer to an offer. Declining ends their access, so it returns to the list. */
export function OfferResponse<T>({ action, assignmentId, version, listHref }: Props<T>) {
  const router = useRouter();
  const [accepted, accept] = useAssignmentAction(action, "Offer accepted");
  const [declined, decline] = useAssignmentAction(action, "Offer declined", () => router.push(listHref));
  const errors = declined.fieldErrors ?? {};
  return (
    <div className="space-y-6">
      <form action={accept} className="space-y-3">
        <FormMessage state={accepted} />
        <AssignmentRef id={assignmentId} version={version} />
        <input type="hidden" name="decision" value="accept" />
        <SubmitButton pendingText="Accepting…">Accept offer</SubmitButton>
      </form>
      <form key={version} action={decline} noValidate className="space-y-3 border-t border-slate-100 pt-4">
        <FormMessage state={declined} />
        <AssignmentRef id={assignmentId} version={version} />
        <input type="hidden" name="decision" value="decline" />
        <TextareaField
          label="Reason"
          name="reason"
          rows={3}
          maxLength={1000}
          hint="Tell the support team why, so they can find someone else."
          defaultValue={declined.status === "error" ? declined.values?.reason : undefined}
          errors={errors.reason}
        />
        <SubmitButton variant="secondary" pendingText="Declining…">
          Decline offer
        </SubmitButton>
      </form>
    </div>
  );
}
