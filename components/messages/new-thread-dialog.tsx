"use client";

import { SquarePen } from "lucide-react";
import { useActionState, useRef, useState } from "react";
import { startThreadAction } from "@/app/(portal)/messages/actions";
import { useFocusFirstError } from "@/components/auth/use-focus-first-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { MESSAGE_MAX_CHARS } from "@/lib/messaging/types";
import { newClientMessageId } from "./client-message-id";
import { RecipientPicker } from "./recipient-picker";

/** "New message": pick people, a subject and the first message; success opens the new thread. */
export function NewThreadDialog() {
  const [open, setOpen] = useState(false);
  // A fresh form (and a fresh clientMessageId) each time the dialog opens.
  const [round, setRound] = useState(0);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setRound((n) => n + 1);
      }}
    >
      <DialogTrigger asChild>
        <Button data-testid="new-thread">
          <SquarePen aria-hidden="true" />
          New message
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>New message</DialogTitle>
          <DialogDescription>Only people you work with are listed.</DialogDescription>
        </DialogHeader>
        <NewThreadForm key={round} />
      </DialogContent>
    </Dialog>
  );
}

function NewThreadForm() {
  const [state, action] = useActionState(startThreadAction, { status: "idle" });
  // Kept across a refused submit: sending the same thread again never makes a second one.
  const [clientMessageId] = useState(newClientMessageId);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstError(form, state);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  return (
    <form ref={form} action={action} noValidate className="grid gap-4" data-testid="new-thread-form">
      <FormMessage state={state} />
      <input type="hidden" name="clientMessageId" value={clientMessageId} />
      <RecipientPicker name="recipientIds" errors={errors.recipientIds} />
      <Field label="Subject" name="subject" required maxLength={200} defaultValue={values.subject} errors={errors.subject} />
      <TextareaField label="Message" name="body" required rows={5} maxLength={MESSAGE_MAX_CHARS} defaultValue={values.body} errors={errors.body} />
      <div className="flex justify-end gap-2">
        <SubmitButton pendingText="Sending…">Send</SubmitButton>
      </div>
    </form>
  );
}
