"use client";

import { useEffect, type RefObject } from "react";
import type { FormState } from "@/lib/actions/form-state";

/** After a refused submit, focus goes to the first field marked invalid, whose message is read with it. */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, state: FormState) {
  useEffect(() => {
    if (state.status !== "error") return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, state]);
}
