"use client";

import { markAllNotificationsReadAction, markNotificationReadAction } from "@/app/(portal)/notifications/actions";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { useReadAction } from "./use-read-action";

export function MarkReadButton({ id, title }: { id: string; title?: string }) {
  const [, action] = useReadAction(markNotificationReadAction);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="outline" pendingText="Marking…" className="h-8 px-3">
        Mark as read{title ? <span className="sr-only">: {title}</span> : null}
      </SubmitButton>
    </form>
  );
}

export function MarkAllReadButton({ unread }: { unread: number }) {
  const [, action] = useReadAction(markAllNotificationsReadAction, (data) => (data?.count === 1 ? "1 notification marked as read" : `${data?.count ?? 0} notifications marked as read`));
  if (unread === 0) {
    return (
      <Button variant="outline" disabled>
        Mark all as read
      </Button>
    );
  }
  return (
    <form action={action}>
      <SubmitButton variant="outline" pendingText="Marking…">
        Mark all as read
      </SubmitButton>
    </form>
  );
}
