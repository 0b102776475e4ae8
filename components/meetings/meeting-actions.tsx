"use client";

import { useState } from "react";
import {
  answerProposalAction,
  cancelMeetingAction,
  proposeNewTimeAction,
  rescheduleMeetingAction,
  respondToMeetingAction,
} from "@/app/(portal)/meetings/actions";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { instantToZonedTime } from "@/lib/assignments/time-zone";
import type { MeetingActions as Allowed } from "@/lib/meetings/types";
import { OverrideCheckbox } from "./override-checkbox";
import { StartFields, type StartValue } from "./start-fields";
import { useHydrated } from "./use-hydrated";
import { useMeetingForm } from "./use-meeting-form";

export type MeetingActionsProps = {
  meetingId: string;
  version: number;
  startsAt: Date;
  endsAt: Date;
  actions: Allowed;
  /** The reader's profile zone: dialogs pick times in it unless they choose another. */
  timeZone: string;
  timeZones: string[];
  other: { name: string; timeZone: string };
};

function MeetingRef({ meetingId }: { meetingId: string }) {
  return <input type="hidden" name="meetingId" value={meetingId} />;
}

function startOf({ startsAt, endsAt, timeZone }: Pick<MeetingActionsProps, "startsAt" | "endsAt" | "timeZone">): StartValue {
  const local = instantToZonedTime(startsAt, timeZone);
  return { day: local.slice(0, 10), time: local.slice(11), timeZone, durationMinutes: Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000) };
}

/** The buttons the reader's `actions` allow; each step is checked again on the server. */
export function MeetingActionButtons(props: MeetingActionsProps) {
  const { actions } = props;
  const any = actions.accept || actions.decline || actions.propose || actions.answerProposal || actions.reschedule || actions.cancel;
  if (!any) return null;
  return (
    <div className="mt-4 flex flex-wrap gap-2" data-testid="meeting-actions">
      {actions.accept ? <AcceptButton meetingId={props.meetingId} /> : null}
      {actions.decline ? <DeclineDialog meetingId={props.meetingId} /> : null}
      {actions.propose ? <ProposeDialog {...props} /> : null}
      {actions.reschedule ? <RescheduleDialog {...props} /> : null}
      {actions.cancel ? <CancelDialog meetingId={props.meetingId} overrideAvailable={actions.overrideAvailable} /> : null}
    </div>
  );
}

function AcceptButton({ meetingId }: { meetingId: string }) {
  const { state, pending, onSubmit } = useMeetingForm(respondToMeetingAction, "Meeting accepted");
  const ready = useHydrated();
  return (
    <form onSubmit={onSubmit} className="contents">
      <MeetingRef meetingId={meetingId} />
      <input type="hidden" name="answer" value="accept" />
      <Button type="submit" disabled={pending || !ready}>
        {pending ? "Accepting…" : "Accept"}
      </Button>
      {state.status === "error" ? <FormMessage state={state} /> : null}
    </form>
  );
}

function DeclineDialog({ meetingId }: { meetingId: string }) {
  const [open, setOpen] = useState(false);
  const ready = useHydrated();
  const { state, pending, onSubmit, errors } = useMeetingForm(respondToMeetingAction, "Meeting declined", () => setOpen(false));
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" disabled={!ready}>Decline</Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>Decline this meeting?</DialogTitle>
          <DialogDescription>They are told, with your reason. To keep the meeting at another time, propose one instead.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <FormMessage state={state.status === "error" ? state : { status: "idle" }} />
          <MeetingRef meetingId={meetingId} />
          <input type="hidden" name="answer" value="decline" />
          <TextareaField label="Reason" name="reason" rows={3} maxLength={500} defaultValue={state.values?.reason} errors={errors.reason} />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Keep the invitation</Button>
            </DialogClose>
            <Button type="submit" variant="destructive" disabled={pending}>
              {pending ? "Declining…" : "Decline meeting"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function ProposeDialog(props: MeetingActionsProps) {
  const [open, setOpen] = useState(false);
  const ready = useHydrated();
  const [start, setStart] = useState(() => startOf(props));
  const { state, pending, onSubmit, errors } = useMeetingForm(proposeNewTimeAction, "Proposal sent", () => setOpen(false));
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" disabled={!ready}>Propose another time</Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Propose another time</DialogTitle>
          <DialogDescription>{props.other.name} is asked to accept it; until then the meeting keeps its time.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4" data-testid="propose-form">
          <FormMessage state={state.status === "error" ? state : { status: "idle" }} />
          <MeetingRef meetingId={props.meetingId} />
          <StartFields value={start} onChange={setStart} timeZones={props.timeZones} profileZone={props.timeZone} errors={errors} fixedDuration other={props.other} />
          <TextareaField label="Note (optional)" name="note" rows={2} maxLength={500} defaultValue={state.values?.note} errors={errors.note} />
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Go back</Button>
            </DialogClose>
            <Button type="submit" disabled={pending}>
              {pending ? "Sending…" : "Send proposal"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function RescheduleDialog(props: MeetingActionsProps) {
  const [open, setOpen] = useState(false);
  const ready = useHydrated();
  const [start, setStart] = useState(() => startOf(props));
  const { state, pending, onSubmit, errors } = useMeetingForm(rescheduleMeetingAction, "Meeting moved: they are asked to accept again", () => setOpen(false));
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setStart(startOf(props));
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" disabled={!ready}>Reschedule</Button>
      </DialogTrigger>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-2xl">
        <DialogHeader>
          <DialogTitle>Reschedule</DialogTitle>
          <DialogDescription>The meeting moves at once and {props.other.name} is asked to accept the new time.</DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} noValidate className="grid gap-4" data-testid="reschedule-form">
          <FormMessage state={state.status === "error" ? state : { status: "idle" }} />
          <MeetingRef meetingId={props.meetingId} />
          {/* The version it was read at: a change made meanwhile by the other person is refused, not overwritten. */}
          <input type="hidden" name="version" value={props.version} />
          <StartFields value={start} onChange={setStart} timeZones={props.timeZones} profileZone={props.timeZone} errors={errors} other={props.other} />
          {props.actions.overrideAvailable ? (
            <OverrideCheckbox label="Override the notice and the student's change window (audited)" hint="The new time is close: overriding is recorded in the audit log." errors={errors.override} />
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Go back</Button>
            </DialogClose>
            <Button type="submit" disabled={pending}>
              {pending ? "Moving…" : "Move the meeting"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Cancelling asks first (a Radix alert dialog), with the reason the other person is sent. */
function CancelDialog({ meetingId, overrideAvailable }: { meetingId: string; overrideAvailable: boolean }) {
  const [open, setOpen] = useState(false);
  const ready = useHydrated();
  const { state, pending, onSubmit, errors } = useMeetingForm(cancelMeetingAction, "Meeting cancelled", () => setOpen(false));
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="outline" className="text-red-700 hover:text-red-800" disabled={!ready}>
          Cancel meeting
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4" data-testid="cancel-form">
          <AlertDialogHeader>
            <AlertDialogTitle>Cancel this meeting?</AlertDialogTitle>
            <AlertDialogDescription>The other person is told, with your reason, and their calendar file is withdrawn. This cannot be undone.</AlertDialogDescription>
          </AlertDialogHeader>
          <FormMessage state={state.status === "error" ? state : { status: "idle" }} />
          <MeetingRef meetingId={meetingId} />
          <TextareaField label="Reason" name="reason" rows={3} maxLength={500} defaultValue={state.values?.reason} errors={errors.reason} />
          {overrideAvailable ? <OverrideCheckbox label="Override the student's change window (audited)" errors={errors.override} /> : null}
          <AlertDialogFooter>
            <AlertDialogCancel type="button">Keep meeting</AlertDialogCancel>
            <Button type="submit" variant="destructive" disabled={pending}>
              {pending ? "Cancelling…" : "Cancel meeting"}
            </Button>
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}

/** The organizer's answer to the invitee's proposed time. */
export function AnswerProposalButtons({ meetingId }: { meetingId: string }) {
  const accept = useMeetingForm(answerProposalAction, "Proposal accepted: the meeting moved");
  const decline = useMeetingForm(answerProposalAction, "Proposal declined: the meeting keeps its time");
  const ready = useHydrated();
  const failed = accept.state.status === "error" ? accept.state : decline.state.status === "error" ? decline.state : null;
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap gap-2">
        <form onSubmit={accept.onSubmit}>
          <MeetingRef meetingId={meetingId} />
          <input type="hidden" name="answer" value="accept" />
          <Button type="submit" disabled={accept.pending || decline.pending || !ready}>
            {accept.pending ? "Accepting…" : "Accept proposal"}
          </Button>
        </form>
        <form onSubmit={decline.onSubmit}>
          <MeetingRef meetingId={meetingId} />
          <input type="hidden" name="answer" value="decline" />
          <Button type="submit" variant="outline" disabled={accept.pending || decline.pending || !ready}>
            {decline.pending ? "Declining…" : "Decline proposal"}
          </Button>
        </form>
      </div>
      {failed ? <FormMessage state={failed} /> : null}
    </div>
  );
}
