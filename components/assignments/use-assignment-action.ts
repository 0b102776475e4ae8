"use client";

import { useActionState } from "react";
import { toast } from "sonner";
import type { FormState } from "@/lib/actions/form-state";

export type FormAction<T> = (previous: FormState<T>, formData: FormData) => Promise<FormState<T>>;

/**
 * Runs an assignment action and toasts its success from the action itself, not an effect: the
 * form can be gone after the refresh (a cancelled request has no cancel button). Refusals stay
 * in the form, beside their fields.
 */
export function useAssignmentAction<T>(action: FormAction<T>, success: string, onSuccess?: (data: T | undefined) => void) {
  return useActionState<FormState<T>, FormData>(async (previous, formData) => {
    const next = await action(previous, formData);
    if (next.status === "success") {
      toast.success(success);
      onSuccess?.(next.data);
    }
    return next;
  }, { status: "idle" });
}

