"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { toast } from "sonner";
import { notificationSummaryKey } from "@/components/portal/notification-bell";
import type { FormState } from "@/lib/actions/form-state";

type Action<T> = (previous: FormState<T>, formData: FormData) => Promise<FormState<T>>;

/**
 * Runs a mark-read action, then brings the bell (count and menu) and the list up to date. Done in
 * the action rather than an effect, because the button is gone once its item is read.
 */
export function useReadAction<T>(action: Action<T>, success?: (data: T | undefined) => string) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useActionState<FormState<T>, FormData>(async (previous, formData) => {
    const next = await action(previous, formData);
    if (next.status === "success") {
      void queryClient.invalidateQueries({ queryKey: [notificationSummaryKey[0]] });
      router.refresh();
      if (success) toast.success(success(next.data));
    } else if (next.message) {
      toast.error(next.message);
    }
    return next;
  }, { status: "idle" });
}
