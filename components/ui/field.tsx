import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { cn } from "./cn";

// The kit's Input look (shadcn), one height (h-10) for inputs and selects so filter rows line up.
const control =
  "mt-1.5 block w-full min-w-0 rounded-md border border-input bg-background px-3 text-sm shadow-xs transition-[color,box-shadow] outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:opacity-50 aria-[invalid=true]:border-destructive aria-[invalid=true]:ring-destructive/20";
const single = "h-10";
const multi = "min-h-20 py-2";

type Common = { label: string; name: string; errors?: string[]; hint?: ReactNode };

function FieldShell({ id, label, errors, hint, children }: { id: string; label: string; errors?: string[]; hint?: ReactNode; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid={`error-${id}`}>
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, errors?: string[], hint?: ReactNode) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A labelled input whose server-side errors sit beside it and are announced with it. */
export function Field({ label, name, errors, hint, className, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = `${name}-${useId().replace(/:/g, "")}`;
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint}>
      <input id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, errors, hint)} className={cn(control, single, "py-1", className)} {...input} />
    </FieldShell>
  );
}

export function TextareaField({ label, name, errors, hint, className, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = `${name}-${useId().replace(/:/g, "")}`;
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint}>
      <textarea id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, errors, hint)} className={cn(control, multi, className)} {...input} />
    </FieldShell>
  );
}

export function SelectField({ label, name, errors, hint, className, children, ...input }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = `${name}-${useId().replace(/:/g, "")}`;
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint}>
      <select id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, errors, hint)} className={cn(control, single, "pr-8", className)} {...input}>
        {children}
      </select>
    </FieldShell>
  );
}
