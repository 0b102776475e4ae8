import type { Role } from "@/lib/auth/roles";

export type MeetingStatus = "scheduled" | "completed" | "cancelled" | "declined";
export type MeetingResponse = "invited" | "accepted" | "declined";

export type MeetingPerson = {
  userId: string;
  name: string;
  role: Role;
  /** Their profile zone: the invitation shows the meeting in both people's zones. */
  timeZone: string;
  participantRole: "organizer" | "invitee";
  response: MeetingResponse;
  responseNote: string | null;
  respondedAt: Date | null;
};

/** A row of the meetings list, from the reader's side. */
export type MeetingSummary = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: MeetingStatus;
  /** The organizer's zone when they picked the time. */
  timeZone: string;
  assignment: { id: string; code: string; title: string } | null;
  /** The other person. */
  with: { userId: string; name: string; role: Role };
  iAmOrganizer: boolean;
  myResponse: MeetingResponse;
  theirResponse: MeetingResponse;
  /** A counter-proposal waits for the organizer. */
  proposalPending: boolean;
};

/** What the reader may do now; each flag is checked again by the service. */
export type MeetingActions = {
  accept: boolean;
  decline: boolean;
  propose: boolean;
  answerProposal: boolean;
  reschedule: boolean;
  cancel: boolean;
  /** A change needs the staff override (inside a student's window); only staff see it. */
  overrideAvailable: boolean;
  /** Why a student can no longer cancel or reschedule, when that is the case. */
  lockedReason: string | null;
  join: boolean;
};

export type MeetingDetail = MeetingSummary & {
  agenda: string;
  organizerId: string;
  sequence: number;
  version: number;
  participants: MeetingPerson[];
  proposal: { startsAt: Date; endsAt: Date; byUserId: string; byName: string; note: string | null } | null;
  cancellation: { reason: string; byName: string | null; at: Date } | null;
  /** Each stay in the room, oldest first; leftAt null while they are in it. */
  attendance: { userId: string; name: string; joinedAt: Date; leftAt: Date | null }[];
  room: { opensAt: Date; closesAt: Date; open: boolean };
  actions: MeetingActions;
};

export type MeetingList = { rows: MeetingSummary[]; total: number; page: number; pageSize: number };

/** Someone the actor may invite, with the assignments they share (for linking). */
export type InviteeOption = { userId: string; name: string; role: Role; publicId: string; timeZone: string; assignments: { id: string; code: string; title: string }[] };

/** A time someone's meetings hold (never which meeting); `who` tells the invitee's from the reader's own. */
export type BusyInterval = { startsAt: Date; endsAt: Date; who?: "invitee" | "me" };
/** A free start the picker suggests: the wall-clock value for the form, and the instant. */
export type SlotSuggestion = { startLocal: string; startsAt: Date };
export type InviteeAvailability = { inviteeTimeZone: string; busy: BusyInterval[]; suggestions: SlotSuggestion[] };
