import type { FieldErrors } from "@/lib/errors";

/** What every form's server action returns to useActionState. */
export type FormState<T = unknown> = {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: FieldErrors;
  /** The submitted values, so a refused form keeps what the user typed. */
  values?: Record<string, string>;
  data?: T;
};

export const idleState: FormState = { status: "idle" };
