"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useId, useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { createAnnouncementAction, editAnnouncementAction } from "@/app/(portal)/admin/announcements/actions";
import { useFocusFirstError } from "@/components/auth/use-focus-first-error";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { FormState } from "@/lib/actions/form-state";
import { audienceLabel } from "@/lib/announcements/audience-labels";
import { ANNOUNCEMENT_LIMITS, audienceKinds } from "@/lib/announcements/schemas";

export type AnnouncementFormValues = {
  id: string;
  version: number;
  title: string;
  body: string;
  severity: "info" | "warning";
  pinned: boolean;
  /** datetime-local values in the admin's zone. */
  publishAtLocal: string;
  expiresAtLocal: string;
  /** Once published, the time it went out can no longer change. */
  published: boolean;
};

type Props = { timeZone: string; initial?: AnnouncementFormValues };

const idle: FormState<unknown> = { status: "idle" };

/** Writes a new announcement, or edits one (`initial`); times are read in the admin's profile zone. */
export function AnnouncementForm({ timeZone, initial }: Props) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const editing = initial !== undefined;
  const [audience, setAudience] = useState<string>("everyone");
  const [publish, setPublish] = useState<"now" | "later">(editing ? "later" : "now");
  const [state, dispatch, pending] = useActionState(async (_previous: FormState<unknown>, formData: FormData): Promise<FormState<unknown>> => {
    // The actions ignore the previous state; each form's own is kept here.
    const next = editing ? await editAnnouncementAction({ status: "idle" }, formData) : await createAnnouncementAction({ status: "idle" }, formData);
    if (next.status === "success") {
      if (editing) {
        toast.success("Announcement saved");
        router.refresh();
      } else {
        toast.success(formData.get("publish") === "later" ? "Announcement scheduled" : "Announcement published");
        router.push("/admin/announcements");
      }
    }
    return next;
  }, idle);
  useFocusFirstError(form, state);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const radioName = useId();
  const canSchedule = !editing || !initial.published;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // Submitted by hand so React does not reset the form: a refused one keeps every field.
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }

  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="grid gap-5" aria-busy={pending} data-testid="announcement-form">
      <FormMessage state={state.status === "error" ? state : idle} />
      <input type="hidden" name="timeZone" value={timeZone} />
      {editing ? (
        <>
          <input type="hidden" name="announcementId" value={initial.id} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      ) : null}
      <Field label="Title" name="title" maxLength={ANNOUNCEMENT_LIMITS.title} defaultValue={values.title ?? initial?.title} errors={errors.title} />
      <TextareaField
        label="Message"
        name="body"
        rows={8}
        maxLength={ANNOUNCEMENT_LIMITS.body}
        defaultValue={values.body ?? initial?.body}
        errors={errors.body}
        hint="Markdown: **bold**, *italic*, [link text](https://…), lists with - or 1. HTML is shown as plain text."
      />
      {editing ? null : (
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Who it is for" name="audience" value={audience} onChange={(e) => setAudience(e.target.value)} errors={errors.audience}>
            {audienceKinds.map((kind) => (
              <option key={kind} value={kind}>
                {audienceLabel[kind]}
              </option>
            ))}
          </SelectField>
          {audience === "users" ? (
            <TextareaField
              label="People"
              name="recipients"
              rows={3}
              defaultValue={values.recipients}
              errors={errors.recipients}
              hint={`Emails or public IDs, one per line or separated by commas (at most ${ANNOUNCEMENT_LIMITS.recipients}).`}
            />
          ) : null}
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Severity" name="severity" defaultValue={values.severity ?? initial?.severity ?? "info"} errors={errors.severity}>
          <option value="info">Info</option>
          <option value="warning">Warning (shown in amber)</option>
        </SelectField>
        <div className="flex items-end pb-2">
          <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
            <input type="checkbox" name="pinned" defaultChecked={values.pinned ? values.pinned === "on" : initial?.pinned} className="size-4 rounded border-input accent-brand-600" />
            Pin it above other announcements
          </label>
        </div>
      </div>
      {canSchedule ? (
        <fieldset className="grid gap-3">
          <legend className="text-sm font-medium text-slate-800">When it goes out</legend>
          {editing ? (
            <input type="hidden" name="publish" value="later" />
          ) : (
            <div className="flex flex-wrap gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" name="publish" value="now" checked={publish === "now"} onChange={() => setPublish("now")} aria-describedby={`${radioName}-hint`} className="accent-brand-600" />
                Publish now
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="publish" value="later" checked={publish === "later"} onChange={() => setPublish("later")} aria-describedby={`${radioName}-hint`} className="accent-brand-600" />
                At a set time
              </label>
            </div>
          )}
          {publish === "later" ? (
            <Field label="Publish at" name="publishAtLocal" type="datetime-local" defaultValue={values.publishAtLocal ?? initial?.publishAtLocal} errors={errors.publishAtLocal} className="sm:max-w-xs" />
          ) : null}
          <p id={`${radioName}-hint`} className="text-xs text-slate-500">
            Everyone it is for gets a bell notification when it goes out. Times are in {timeZone}.
          </p>
        </fieldset>
      ) : null}
      <Field
        label="Expires (optional)"
        name="expiresAtLocal"
        type="datetime-local"
        defaultValue={values.expiresAtLocal ?? initial?.expiresAtLocal}
        errors={errors.expiresAtLocal}
        hint={`After this the banner goes away; the announcement stays on the Announcements page. In ${timeZone}.`}
        className="sm:max-w-xs"
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : editing ? "Save changes" : publish === "now" ? "Publish" : "Schedule"}
        </Button>
      </div>
    </form>
  );
}
