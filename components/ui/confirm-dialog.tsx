"use client";

import { useRef, type ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";

type Props = {
  trigger: string;
  title: string;
  description: ReactNode;
  variant?: ButtonVariant;
  /** The form content to submit when confirmed (hidden inputs and a submit button). */
  children: ReactNode;
};

/** A destructive action asks first; the native dialog gives focus trapping and Escape for free. */
export function ConfirmDialog({ trigger, title, description, variant = "danger", children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <Button variant={variant === "danger" ? "secondary" : variant} onClick={() => dialog.current?.showModal()}>
        {trigger}
      </Button>
      <dialog ref={dialog} aria-label={title} className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <div className="p-6">
          <h2 className="text-lg font-semibold">{title}</h2>
          <div className="mt-2 text-sm text-slate-600">{description}</div>
          <div className="mt-6 flex flex-wrap justify-end gap-2" onSubmit={() => dialog.current?.close()}>
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            {children}
          </div>
        </div>
      </dialog>
    </>
  );
}
