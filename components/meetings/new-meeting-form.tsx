"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { createMeetingAction } from "@/app/(portal)/meetings/actions";
import { useFocusFirstError } from "@/components/auth/use-focus-first-error";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { FormState } from "@/lib/actions/form-state";
import type { InviteeOption } from "@/lib/meetings/types";
import { AvailabilityPanel } from "./availability-panel";
import { InviteePicker } from "./invitee-picker";
import { OverrideCheckbox } from "./override-checkbox";
import { StartFields, startLocalOf, type StartValue } from "./start-fields";
import { useHydrated } from "./use-hydrated";

type Props = {
  timeZones: string[];
  /** The organizer's profile zone: the time is picked in it unless they choose another. */
  timeZone: string;
  /** CS reps and admins may book inside the minimum notice, audited. */
  staff: boolean;
  minNoticeMinutes: number;
  initialInvitee: InviteeOption | null;
  initialAssignmentId: string | null;
};

const idle: FormState<{ meetingId: string }> = { status: "idle" };

export function NewMeetingForm({ timeZones, timeZone, staff, minNoticeMinutes, initialInvitee, initialAssignmentId }: Props) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [invitee, setInvitee] = useState<InviteeOption | null>(initialInvitee);
  const [assignmentId, setAssignmentId] = useState(initialAssignmentId ?? "");
  const [start, setStart] = useState<StartValue>({ day: "", time: "", timeZone, durationMinutes: 30 });
  const [state, dispatch, pending] = useActionState(async (previous: FormState<{ meetingId: string }>, formData: FormData) => {
    const next = await createMeetingAction(previous, formData);
    if (next.status === "success" && next.data) {
      toast.success("Invitation sent");
      router.push(`/meetings/${next.data.meetingId}`);
    }
    return next;
  }, idle);
  const ready = useHydrated();
  useFocusFirstError(form, state);
  const errors = state.fieldErrors ?? {};
  const values = state.values ?? {};
  const sent = state.status === "success";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // Submitted by hand so React does not reset the form: a refused one keeps every field.
    event.preventDefault();
    if (pending || sent) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }

  function chooseInvitee(option: InviteeOption | null) {
    setInvitee(option);
    if (!option?.assignments.some((a) => a.id === assignmentId)) setAssignmentId(option?.assignments.length === 1 ? option.assignments[0]!.id : "");
  }

  const availability = invitee && start.day ? { inviteeId: invitee.userId, date: start.day, timeZone: start.timeZone, durationMinutes: start.durationMinutes } : null;
  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="grid gap-6" aria-busy={pending} data-testid="new-meeting-form">
      <FormMessage state={state.status === "error" ? state : idle} />
      <div className="grid gap-4 sm:grid-cols-2">
        <InviteePicker name="inviteeId" value={invitee} onChange={chooseInvitee} errors={errors.inviteeId} />
        <SelectField
          label="Linked assignment (optional)"
          name="assignmentId"
          value={assignmentId}
          onChange={(e) => setAssignmentId(e.target.value)}
          errors={errors.assignmentId}
          disabled={!invitee || invitee.assignments.length === 0}
        >
          <option value="">None</option>
          {(invitee?.assignments ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.code} · {a.title}
            </option>
          ))}
        </SelectField>
      </div>
      <Field label="Title" name="title" maxLength={120} defaultValue={values.title} errors={errors.title} placeholder="e.g. Go through the lab report" />
      <TextareaField label="Agenda (optional)" name="agenda" rows={4} maxLength={2000} defaultValue={values.agenda} errors={errors.agenda} hint="What you want to cover; both of you see it." />
      <StartFields value={start} onChange={setStart} timeZones={timeZones} profileZone={timeZone} errors={errors} other={invitee ? { name: invitee.name, timeZone: invitee.timeZone } : null}>
        <AvailabilityPanel query={availability} inviteeName={invitee?.name ?? "them"} chosen={startLocalOf(start)} onPick={(startLocal) => setStart({ ...start, day: startLocal.slice(0, 10), time: startLocal.slice(11) })} />
      </StartFields>
      {staff ? <OverrideCheckbox hint={`Meetings normally start at least ${minNoticeMinutes} minutes from now. Overriding is recorded in the audit log.`} errors={errors.override} /> : null}
      <div>
        <Button type="submit" disabled={pending || sent || !ready}>
          {pending || sent ? "Sending…" : "Send invitation"}
        </Button>
      </div>
    </form>
  );
}
