"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { regenerateCalendarFeedAction } from "@/app/(portal)/meetings/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessage } from "@/components/ui/form-message";
import { useHydrated } from "./use-hydrated";
import { useMeetingForm } from "./use-meeting-form";

/**
 * A private calendar URL for calendar apps. Only its hash is stored, so the URL is shown once, right
 * after it is made; making a new one is how to see it again, and the old one then stops working.
 */
export function CalendarFeedForm({ exists }: { exists: boolean }) {
  const { state, pending, onSubmit } = useMeetingForm(regenerateCalendarFeedAction, exists ? "New calendar URL made" : "Calendar URL made");
  const [copied, setCopied] = useState(false);
  const ready = useHydrated();
  const url = state.status === "success" ? state.data?.url : undefined;
  const hasFeed = exists || Boolean(url);

  async function copy() {
    if (!url) return;
    await navigator.clipboard.writeText(url).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  }

  const form = (
    <form onSubmit={onSubmit}>
      <Button type="submit" variant={hasFeed ? "destructive" : "default"} disabled={pending || !ready}>
        {pending ? "Making…" : hasFeed ? "Regenerate" : "Create feed URL"}
      </Button>
    </form>
  );
  return (
    <div className="space-y-4" data-testid="calendar-feed">
      <p className="text-sm text-slate-700">
        Subscribe to your meetings from Google Calendar, Apple Calendar or Outlook with a private URL. Anyone with the URL can see your meetings&apos; titles and times.
      </p>
      <p className="text-sm" data-testid="calendar-feed-status">
        {hasFeed ? "You have a calendar feed." : "You have no calendar feed yet."}
      </p>
      {url ? (
        <div className="space-y-2 rounded-md bg-green-50 p-3 ring-1 ring-green-200">
          <label htmlFor="calendar-feed-url" className="block text-sm font-medium text-green-900">
            Your calendar URL (shown only now)
          </label>
          <div className="flex gap-2">
            <input
              id="calendar-feed-url"
              readOnly
              value={url}
              onFocus={(e) => e.currentTarget.select()}
              className="h-10 min-w-0 flex-1 rounded-md border border-input bg-background px-3 font-mono text-xs shadow-xs"
              data-testid="calendar-feed-url"
            />
            <Button type="button" variant="outline" onClick={copy} aria-label="Copy the calendar URL">
              {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
          <p className="text-xs text-green-900">Keep it private. Any URL you made before has stopped working: update it in your calendar app.</p>
        </div>
      ) : null}
      {hasFeed ? (
        <ConfirmDialog
          trigger={
            <Button variant="outline" disabled={pending || !ready}>
              {url ? "Regenerate again" : "Regenerate"}
            </Button>
          }
          title="Make a new calendar URL?"
          description="The URL you use now stops working at once: calendar apps subscribed with it stop updating until you give them the new one."
          cancelLabel="Keep the current URL"
        >
          {form}
        </ConfirmDialog>
      ) : (
        form
      )}
      {state.status === "error" ? <FormMessage state={state} /> : null}
    </div>
  );
}
