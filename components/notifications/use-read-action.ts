"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { notificationSummaryKey } from "@/components/portal/notification-bell";
import { useToast } from "@/components/ui/toaster";
import type { FormState } from "@/lib/actions/form-state";

type Action<T> = (previous: FormState<T>, formData: FormData) => Promise<FormState<T>>;

/**
 * Runs a mark-read action, then brings the bell's count and the list up to date. Done in the
 * action rather than an effect, because the button is gone once its item is read.
 */
export function useReadAction<T>(action: Action<T>, success?: (data: T | undefined) => string) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  return useActionState<FormState<T>, FormData>(async (previous, formData) => {
    const next = await action(previous, formData);
    if (next.status === "success") {
      void queryClient.invalidateQueries({ queryKey: notificationSummaryKey });
      router.refresh();
      if (success) toast.show(success(next.data));
    } else if (next.message) {
      toast.show(next.message, "error");
    }
    return next;
  }, { status: "idle" });
}
