"use client";

import { useRef, useState, type FormEvent } from "react";
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle } from "@/components/ui/alert-dialog";

export type Confirmation = { title: string; description: string; confirmLabel: string; cancelLabel: string; destructive?: boolean };

/**
 * A form whose submit asks first, in words taken from what was typed ("Record $120.00 payment").
 * `describe` returns null when there is nothing sensible to confirm (an amount that is not a
 * number yet): the form is then sent as it is, and the server's field errors say what is wrong.
 */
export function useConfirmedSubmit(describe: (data: FormData) => Confirmation | null) {
  const form = useRef<HTMLFormElement>(null);
  const confirmed = useRef(false);
  const [asking, setAsking] = useState<Confirmation | null>(null);

  // Prevented here, React does not run the form's action; confirming submits it again, let through.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (confirmed.current) {
      confirmed.current = false;
      return;
    }
    const confirmation = describe(new FormData(event.currentTarget));
    if (!confirmation) return;
    event.preventDefault();
    setAsking(confirmation);
  };

  const confirm = () => {
    confirmed.current = true;
    setAsking(null);
    form.current?.requestSubmit();
  };

  const dialog = (
    <AlertDialog open={asking !== null} onOpenChange={(open) => (open ? undefined : setAsking(null))}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{asking?.title}</AlertDialogTitle>
          <AlertDialogDescription>{asking?.description}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{asking?.cancelLabel}</AlertDialogCancel>
          <AlertDialogAction variant={asking?.destructive ? "destructive" : "default"} onClick={confirm}>
            {asking?.confirmLabel}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );

  return { formRef: form, onSubmit, dialog };
}
