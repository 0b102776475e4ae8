"use client";

import { markAllNotificationsReadAction, markNotificationReadAction } from "@/app/(portal)/notifications/actions";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { useReadAction } from "./use-read-action";

export function MarkReadButton({ id }: { id: string }) {
  const [, action] = useReadAction(markNotificationReadAction);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" pendingText="Marking…" className="min-h-9 px-3 py-1">
        Mark as read
      </SubmitButton>
    </form>
  );
}

export function MarkAllReadButton({ unread }: { unread: number }) {
  const [, action] = useReadAction(markAllNotificationsReadAction, (data) => (data?.count === 1 ? "1 notification marked as read" : `${data?.count ?? 0} notifications marked as read`));
  if (unread === 0) {
    return (
      <Button variant="secondary" disabled>
        Mark all as read
      </Button>
    );
  }
  return (
    <form action={action}>
      <SubmitButton variant="secondary" pendingText="Marking…">
        Mark all as read
      </SubmitButton>
    </form>
  );
}
