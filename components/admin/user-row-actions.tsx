"use client";

import Link from "next/link";
import { useActionState } from "react";
import { blockUserAction, resetPasswordAction, unblockUserAction } from "@/app/(portal)/admin/users/actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SubmitButton } from "@/components/ui/submit-button";
import { useToast } from "@/components/ui/toaster";
import type { FormState } from "@/lib/actions/form-state";
import { TemporaryPassword } from "./temporary-password";

type Props = { userId: string; name: string; email: string; blocked: boolean; isSelf: boolean };

type Action<T> = (previous: FormState<T>, formData: FormData) => Promise<FormState<T>>;

// Toasted from the action itself, not an effect: a blocked user's row can leave the filtered
// list in the same refresh, and the outcome must still be told.
function useToastedAction<T>(action: Action<T>, success: string) {
  const toast = useToast();
  return useActionState<FormState<T>, FormData>(async (previous, formData) => {
    const next = await action(previous, formData);
    if (next.status === "success") toast.show(success);
    else if (next.message) toast.show(next.message, "error");
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
    <div className="flex min-w-56 flex-col gap-2" aria-busy={blocking || unblocking || resetting}>
      <div className="flex flex-wrap gap-2">
        {blocked ? (
          <ConfirmDialog trigger="Unblock" variant="secondary" title={`Unblock ${name}?`} description={`${email} will be able to sign in again.`}>
            <form action={unblockAction}>
              {hidden}
              <SubmitButton pendingText="Unblocking…">Unblock user</SubmitButton>
            </form>
          </ConfirmDialog>
        ) : (
          <ConfirmDialog trigger="Block" title={`Block ${name}?`} description={`${email} will be signed out everywhere and cannot sign in until unblocked.`}>
            <form action={blockAction}>
              {hidden}
              <SubmitButton variant="danger" pendingText="Blocking…">Block user</SubmitButton>
            </form>
          </ConfirmDialog>
        )}
        <ConfirmDialog
          trigger="Reset password"
          title={`Reset the password of ${name}?`}
          description="Their sessions end now, and they must choose a new password after signing in with the temporary one you will see next."
        >
          <form action={resetAction}>
            {hidden}
            <SubmitButton variant="danger" pendingText="Resetting…">Reset password</SubmitButton>
          </form>
        </ConfirmDialog>
      </div>
      {blocking || unblocking || resetting ? <p className="text-xs text-slate-500">Working…</p> : null}
      {resetState.status === "success" && resetState.data ? <TemporaryPassword email={resetState.data.email} password={resetState.data.temporaryPassword} /> : null}
    </div>
  );
}
