"use client";

import { ArrowRightLeft, CircleCheck, Hand, UserPlus, XCircle } from "lucide-react";
import Link from "next/link";
import { useState, type FormEvent, type ReactNode } from "react";
import { toast } from "sonner";
import { Button, buttonClass } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field, SelectField, TextareaField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import type { Conversion } from "@/lib/visitor-chat/convert";
import { VISITOR_LIMITS, type VisitorSessionDetail } from "@/lib/visitor-chat/types";
import { CopyButton } from "./copy-button";
import { visitorApi } from "./visitor-api";

export type StaffOption = { id: string; name: string; role: "cs_rep" | "admin" };

type Done = () => void;

export function ClaimButton({ sessionId, onDone }: { sessionId: string; onDone: Done }) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      data-testid="claim-visitor"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        const result = await visitorApi.claim(sessionId);
        setBusy(false);
        if (result.ok) toast.success("The conversation is yours");
        else toast.error(result.error);
        onDone();
      }}
    >
      <Hand aria-hidden="true" />
      {busy ? "Taking…" : "Take conversation"}
    </Button>
  );
}

/** A dialog whose form posts through `submit`; field errors stay beside their fields, the rest is a toast. */
function ActionDialog({
  trigger,
  title,
  description,
  children,
  submitLabel,
  pendingLabel,
  destructive = false,
  submit,
  testId,
}: {
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  children: (errors: FieldErrors) => ReactNode;
  submitLabel: string;
  pendingLabel: string;
  destructive?: boolean;
  submit: (form: FormData) => Promise<{ ok: true } | { ok: false; error: string; fieldErrors: FieldErrors }>;
  testId: string;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    const result = await submit(new FormData(event.currentTarget));
    setBusy(false);
    if (result.ok) {
      setOpen(false);
      return;
    }
    setErrors(result.fieldErrors);
    if (Object.values(result.fieldErrors).every((messages) => !messages?.length)) toast.error(result.error);
  }
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setErrors({});
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-lg" data-testid={testId}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          {children(errors)}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Go back
            </Button>
            <Button type="submit" variant={destructive ? "destructive" : "default"} disabled={busy}>
              {busy ? pendingLabel : submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function TransferDialog({ session, staff, viewerId, onDone }: { session: VisitorSessionDetail; staff: StaffOption[]; viewerId: string; onDone: Done }) {
  const options = staff.filter((person) => person.id !== session.claimedBy?.id);
  return (
    <ActionDialog
      testId="transfer-dialog"
      trigger={
        <Button variant="outline" data-testid="transfer-visitor">
          <ArrowRightLeft aria-hidden="true" />
          Transfer
        </Button>
      }
      title="Transfer the conversation"
      description={`${session.name} will be answered by the person you choose; you can no longer write in it${session.claimedBy?.id === viewerId ? "" : " unless it comes back to you"}.`}
      submitLabel="Transfer"
      pendingLabel="Transferring…"
      submit={async (form) => {
        const result = await visitorApi.transfer(session.id, String(form.get("toUserId") ?? ""));
        if (!result.ok) return result;
        toast.success(`Transferred to ${options.find((o) => o.id === form.get("toUserId"))?.name ?? "them"}`);
        onDone();
        return { ok: true };
      }}
    >
      {(errors) => (
        <SelectField label="Transfer to" name="toUserId" required defaultValue="" errors={errors.toUserId}>
          <option value="" disabled>
            Choose a CS rep or admin
          </option>
          {options.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
              {person.role === "admin" ? " (admin)" : ""}
              {person.id === viewerId ? " (you)" : ""}
            </option>
          ))}
        </SelectField>
      )}
    </ActionDialog>
  );
}

export function CloseDialog({ session, onDone }: { session: VisitorSessionDetail; onDone: Done }) {
  return (
    <ActionDialog
      testId="close-dialog"
      destructive
      trigger={
        <Button variant="outline" data-testid="close-visitor">
          <XCircle aria-hidden="true" />
          Close
        </Button>
      }
      title="Close this conversation?"
      description={`${session.name} will see that the conversation has ended and can start a new one. Nobody can write in this one again.`}
      submitLabel="Close conversation"
      pendingLabel="Closing…"
      submit={async (form) => {
        const result = await visitorApi.close(session.id, String(form.get("reason") ?? ""));
        if (!result.ok) return result;
        toast.success("Conversation closed");
        onDone();
        return { ok: true };
      }}
    >
      {(errors) => <TextareaField label="Reason" name="reason" required rows={3} maxLength={VISITOR_LIMITS.closeReasonMaxChars} hint="For the team: why it ended (answered, spam, duplicate…)." errors={errors.reason} />}
    </ActionDialog>
  );
}

/** The result is the caller's to show: the conversation ends with it, and this button goes away. */
export function ConvertDialog({ session, onConverted }: { session: VisitorSessionDetail; onConverted: (conversion: Conversion) => void }) {
  return (
    <ActionDialog
      testId="convert-dialog"
      trigger={
        <Button variant="outline" data-testid="convert-visitor">
          <UserPlus aria-hidden="true" />
          Create account
        </Button>
      }
      title="Create a student account"
      description="Check the name and email with the visitor. The whole conversation becomes a thread in their new inbox, with you in it."
      submitLabel="Create account"
      pendingLabel="Creating…"
      submit={async (form) => {
        const result = await visitorApi.convert(session.id, { fullName: String(form.get("fullName") ?? ""), email: String(form.get("email") ?? "") });
        if (!result.ok) return result;
        onConverted(result.data);
        return { ok: true };
      }}
    >
      {(errors) => (
        <>
          <Field label="Full name" name="fullName" required maxLength={120} defaultValue={session.name} errors={errors.fullName} autoComplete="off" />
          <Field label="Email" name="email" type="email" required maxLength={VISITOR_LIMITS.emailMaxChars} defaultValue={session.email ?? ""} errors={errors.email} autoComplete="off" />
        </>
      )}
    </ActionDialog>
  );
}

/** The set-password link, shown this once: only its hash is stored. */
export function ConversionResult({ conversion, onClose }: { conversion: Conversion; onClose: () => void }) {
  return (
    <Dialog open onOpenChange={(open) => (open ? null : onClose())}>
      <DialogContent className="sm:max-w-lg" data-testid="conversion-result">
        <DialogHeader>
          <DialogTitle className="flex items-center gap-2">
            <CircleCheck aria-hidden="true" className="size-5 text-green-700" />
            Account created
          </DialogTitle>
          <DialogDescription>
            Send this link to <strong className="[overflow-wrap:anywhere]">{conversion.email}</strong> in the chat. It lets them choose a password once, within {conversion.expiresInDays} days.
          </DialogDescription>
        </DialogHeader>
        <div className="rounded-md bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200">
          <code data-testid="set-password-link" className="block rounded bg-white px-2 py-1 font-mono text-xs break-all select-all ring-1 ring-amber-200">
            {conversion.setPasswordUrl}
          </code>
          <p className="mt-2 text-xs">It is shown only this once. If it is lost, they can ask for a password reset with their email.</p>
        </div>
        <DialogFooter>
          <Link href={`/messages/${conversion.threadId}`} className={buttonClass("outline")}>
            Open their thread
          </Link>
          <CopyButton text={conversion.setPasswordUrl} label="Copy link" done="Link copied" variant="default" testId="copy-set-password-link" />
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
