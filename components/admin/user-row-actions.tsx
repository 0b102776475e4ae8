"use client";

import Link from "next/link";
import { useActionState } from "react";
import { toast } from "sonner";
import { blockUserAction, resetPasswordAction, unblockUserAction } from "@/app/(portal)/admin/users/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/actions/form-state";
import { TemporaryPassword } from "./temporary-password";

type Props = { userId: string; name: string; email: string; blocked: boolean; isSelf: boolean };

type Action<T> = (previous: FormState<T>, formData: FormData) => Promise<FormState<T>>;

// Toasted from the action itself, not an effect: a blocked user's row can leave the filtered
// list in the same refresh, and the outcome must still be told.
function useToastedAction<T>(action: Action<T>, success: string) {
  return useActionState<FormState<T>, FormData>(async (previous, formData) => {
    const next = await action(previous, formData);
    if (next.status === "success") toast.success(success);
    else if (next.message) toast.error(next.message);
    return next;
  }, { status: "idle" });
}

export function UserRowActions({ userId, name, email, blocked, isSelf }: Props) {
  const [, blockAction, blocking] = useToastedAction(blockUserAction, `${name} is blocked`);
  const [, unblockAction, unblocking] = useToastedAction(unblockUserAction, `${name} is unblocked`);
  const [resetState, resetAction, resetting] = useToastedAction(resetPasswordAction, `Password reset for ${name}`);

  if (isSelf) {
    return (
      <Link href="/profile" className="text-sm text-brand-700 underline">
        Your profile
      </Link>
    );
  }
  const hidden = <input type="hidden" name="userId" value={userId} />;
  return (
    <div className="flex flex-col gap-2" aria-busy={blocking || unblocking || resetting}>
      <div className="flex flex-wrap gap-2">
        {blocked ? (
          <ConfirmDialog trigger={<Button size="sm" variant="outline">Unblock</Button>} variant="secondary" title={`Unblock ${name}?`} description={`${email} will be able to sign in again.`} cancelLabel="Keep blocked">
            <form action={unblockAction}>
              {hidden}
              <SubmitButton pendingText="Unblocking…">{`Unblock ${name}`}</SubmitButton>
            </form>
          </ConfirmDialog>
        ) : (
          <ConfirmDialog trigger={<Button size="sm" variant="outline">Block</Button>} title={`Block ${name}?`} description={`${email} will be signed out everywhere and cannot sign in until unblocked.`} cancelLabel="Keep access">
            <form action={blockAction}>
              {hidden}
              <SubmitButton variant="destructive" pendingText="Blocking…">{`Block ${name}`}</SubmitButton>
            </form>
          </ConfirmDialog>
        )}
        <ConfirmDialog
          trigger={<Button size="sm" variant="outline">Reset password</Button>}
          title={`Reset the password of ${name}?`}
          description="Their sessions end now, and they must choose a new password after signing in with the temporary one you will see next."
          cancelLabel="Keep current password"
        >
          <form action={resetAction}>
            {hidden}
            <SubmitButton variant="destructive" pendingText="Resetting…">Reset password</SubmitButton>
          </form>
        </ConfirmDialog>
      </div>
      {blocking || unblocking || resetting ? <p className="text-xs text-slate-600">Working…</p> : null}
      {resetState.status === "success" && resetState.data ? <TemporaryPassword email={resetState.data.email} password={resetState.data.temporaryPassword} /> : null}
    </div>
  );
}
