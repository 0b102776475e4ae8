"use client";

import { Eye, EyeOff } from "lucide-react";
import { useId, useState, type InputHTMLAttributes, type ReactNode } from "react";
import { Input } from "@/components/ui/input";

type Props = { label: string; name: string; errors?: string[]; hint?: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, "type">;

/**
 * A password input with a show/hide toggle (a pressed "Show password" button). The toggle is named by
 * its text, not aria-label, so the label "Password" still names only the input.
 */
export function PasswordField({ label, name, errors, hint, ...input }: Props) {
  const id = `${name}-${useId().replace(/:/g, "")}`;
  const [visible, setVisible] = useState(false);
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="relative mt-1.5">
        <Input id={id} name={name} type={visible ? "text" : "password"} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} className="pr-11" {...input} />
        <button
          type="button"
          aria-controls={id}
          aria-pressed={visible}
          onClick={() => setVisible((shown) => !shown)}
          className="absolute inset-y-0 right-0 inline-flex w-10 items-center justify-center rounded-r-md text-slate-600 outline-none hover:text-slate-900 focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          {visible ? <EyeOff aria-hidden="true" className="size-4" /> : <Eye aria-hidden="true" className="size-4" />}
          <span className="sr-only">Show {label.toLowerCase()}</span>
        </button>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
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
