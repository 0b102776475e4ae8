import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { cn } from "./cn";

const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-500";

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
      <input id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, errors, hint)} className={cn(control, className)} {...input} />
    </FieldShell>
  );
}

export function TextareaField({ label, name, errors, hint, className, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = `${name}-${useId().replace(/:/g, "")}`;
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint}>
      <textarea id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, errors, hint)} className={cn(control, className)} {...input} />
    </FieldShell>
  );
}

export function SelectField({ label, name, errors, hint, className, children, ...input }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = `${name}-${useId().replace(/:/g, "")}`;
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint}>
      <select id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, errors, hint)} className={cn(control, className)} {...input}>
        {children}
      </select>
    </FieldShell>
  );
}
