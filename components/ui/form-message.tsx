import type { FormState } from "@/lib/actions/form-state";

/** The form-level outcome, announced politely; field messages sit beside their fields. */
export function FormMessage({ state }: { state: FormState }) {
  if (!state.message) return null;
  const error = state.status === "error";
  return (
    <p
      role="status"
      aria-live="polite"
      data-testid={error ? "form-error" : "form-success"}
      className={error ? "rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" : "rounded-md bg-green-50 px-3 py-2 text-sm text-green-800"}
    >
      {state.message}
    </p>
  );
}
