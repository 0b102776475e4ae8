"use client";

import { useState, type ReactNode } from "react";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "./alert-dialog";
import { Button, type ButtonVariant } from "./button";

type Props = {
  /** A string becomes the trigger button's text; an element (e.g. a <Button>) is used as the trigger. */
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  /** Names what NOT doing it means, e.g. "Keep assignment" — never a bare "Cancel". */
  cancelLabel?: string;
  /** With `onConfirm` and no children: the confirming button's text. */
  confirmLabel?: string;
  onConfirm?: () => void;
  /** The look of the confirming step; a destructive one shows its trigger as an outline button. */
  variant?: ButtonVariant;
  /** The form to submit when confirmed (hidden inputs and its own submit button). */
  children?: ReactNode;
};

/** An irreversible step asks first: a Radix alert dialog traps focus, Escape goes back. */
export function ConfirmDialog({ trigger, title, description, cancelLabel = "Go back", confirmLabel, onConfirm, variant = "destructive", children }: Props) {
  const [open, setOpen] = useState(false);
  const destructive = variant === "destructive" || variant === "danger";
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        {typeof trigger === "string" ? <Button variant={destructive ? "outline" : variant}>{trigger}</Button> : trigger}
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription asChild>
            <div>{description}</div>
          </AlertDialogDescription>
        </AlertDialogHeader>
        {/* The form's own submit closes the dialog; the action's state lives with the caller. */}
        <AlertDialogFooter onSubmit={() => setOpen(false)}>
          <AlertDialogCancel>{cancelLabel}</AlertDialogCancel>
          {children ??
            (confirmLabel ? (
              <Button
                variant={destructive ? "destructive" : variant}
                onClick={() => {
                  onConfirm?.();
                  setOpen(false);
                }}
              >
                {confirmLabel}
              </Button>
            ) : null)}
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
