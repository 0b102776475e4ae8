import { useId } from "react";

/** Staff only: books inside the minimum notice or changes inside a student's window; the service records it in the audit log. */
export function OverrideCheckbox({ label = "Override the minimum notice (audited)", hint, errors, form }: { label?: string; hint?: string; errors?: string[]; form?: string }) {
  const id = `override-${useId().replace(/:/g, "")}`;
  return (
    <div className="rounded-md bg-amber-50 p-3 ring-1 ring-amber-200">
      <div className="flex items-start gap-2">
        <input
          id={id}
          type="checkbox"
          name="override"
          value="true"
          form={form}
          aria-describedby={hint ? `${id}-hint` : undefined}
          aria-invalid={errors?.length ? true : undefined}
          className="mt-0.5 size-4 shrink-0 rounded border-input accent-brand-600 focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
        />
        <label htmlFor={id} className="text-sm font-medium text-amber-950">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 pl-6 text-xs text-amber-900">
          {hint}
        </p>
      ) : null}
      {errors?.length ? <p className="mt-1 pl-6 text-sm text-red-700">{errors.join(" ")}</p> : null}
    </div>
  );
}
