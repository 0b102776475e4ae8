"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { toast } from "sonner";
import type { FormState } from "@/lib/actions/form-state";

export type MeetingFormAction<T> = (previous: FormState<T>, formData: FormData) => Promise<FormState<T>>;

/**
 * Runs a meeting action from a form's submit: the success toast comes from the action itself (the
 * form may be gone after the page refreshes), refusals stay beside their fields, and the form is
 * sent by hand so React does not reset it: a refused dialog keeps what was typed and picked.
 */
export function useMeetingForm<T>(action: MeetingFormAction<T>, success: string, onSuccess?: (data: T | undefined) => void) {
  const [state, dispatch, pending] = useActionState<FormState<T>, FormData>(
    async (previous, formData) => {
      const next = await action(previous, formData);
      if (next.status === "success") {
        toast.success(success);
        onSuccess?.(next.data);
      }
      return next;
    },
    { status: "idle" },
  );
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  }
  return { state, pending, onSubmit, errors: state.fieldErrors ?? {} };
}
