"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { toast } from "sonner";
import { unpublishAnnouncementAction } from "@/app/(portal)/admin/announcements/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/actions/form-state";

/** Takes an announcement down after asking: banners and the page stop showing it; a scheduled one never goes out. */
export function UnpublishButton({ id, version, title, scheduled }: { id: string; version: number; title: string; scheduled: boolean }) {
  const router = useRouter();
  const [state, action] = useActionState(async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const next = await unpublishAnnouncementAction({ status: "idle" }, formData);
    if (next.status === "success") {
      toast.success(scheduled ? "Scheduled announcement cancelled" : "Announcement unpublished");
      router.refresh();
    }
    return next;
  }, { status: "idle" });
  return (
    <div className="grid gap-2">
      <ConfirmDialog
        trigger={<Button variant="outline">{scheduled ? "Cancel it" : "Unpublish"}</Button>}
        title={scheduled ? `Cancel “${title}”?` : `Unpublish “${title}”?`}
        description={
          scheduled
            ? "It will not go out, and nobody is notified. This cannot be undone."
            : "Its banner goes away for everyone and it leaves the Announcements page. Bell notifications already sent stay. This cannot be undone."
        }
        cancelLabel="Keep it"
      >
        <form action={action}>
          <input type="hidden" name="announcementId" value={id} />
          <input type="hidden" name="version" value={version} />
          <SubmitButton variant="destructive" pendingText="Working…">
            {scheduled ? "Cancel announcement" : "Unpublish"}
          </SubmitButton>
        </form>
      </ConfirmDialog>
      {state.status === "error" ? <FormMessage state={state} /> : null}
    </div>
  );
}
