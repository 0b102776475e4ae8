import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { firstValues } from "@/components/assignments/pagination";
import { NewMeetingForm } from "@/components/meetings/new-meeting-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb, type Executor } from "@/db/client";
import { getAssignmentDetail } from "@/lib/assignments/detail-queries";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { meetingRules } from "@/lib/meetings/config";
import { inviteeOptions } from "@/lib/meetings/queries";
import type { InviteeOption } from "@/lib/meetings/types";
import { getOwnProfile } from "@/lib/profiles/queries";
import { timeZoneOptions } from "@/lib/time-zones";

export const metadata: Metadata = { title: "Schedule a meeting" };

const id = z.uuid().optional().catch(undefined);
const prefillSchema = z.object({ invitee: id, assignment: id });

/**
 * The person an assignment page's link names (?invitee=&assignment=), when the actor may meet them.
 * The list of people is the policy's, so a link to someone else gives an empty picker, never them.
 */
async function preselected(db: Executor, actor: Actor, inviteeId?: string, assignmentId?: string): Promise<InviteeOption | null> {
  if (!inviteeId && !assignmentId) return null;
  const matches = (option: InviteeOption) => (inviteeId ? option.userId === inviteeId : option.assignments.some((a) => a.id === assignmentId));
  const found = (await inviteeOptions(db, actor, "")).find(matches);
  if (found || !assignmentId || !inviteeId) return found ?? null;
  // Staff may meet anyone, so the first page of people may not hold this student: search by their public id.
  try {
    const detail = await getAssignmentDetail(db, actor, assignmentId);
    return detail.student ? ((await inviteeOptions(db, actor, detail.student.publicId)).find(matches) ?? null) : null;
  } catch {
    return null;
  }
}

export default async function NewMeetingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireUser();
  const prefill = prefillSchema.parse(firstValues(await searchParams));
  const db = getDb();
  const [own, invitee] = await Promise.all([getOwnProfile(db, actor), preselected(db, actor, prefill.invitee, prefill.assignment)]);
  const assignmentId = invitee && prefill.assignment && invitee.assignments.some((a) => a.id === prefill.assignment) ? prefill.assignment : null;
  return (
    <>
      <p className="mb-3 text-sm">
        <Link href="/meetings" className="text-brand-700 underline">
          ← Back to meetings
        </Link>
      </p>
      <PageHeader title="Schedule a meeting" description="A one-to-one call. They are sent an invitation to accept, decline or suggest another time." />
      <Card className="max-w-3xl">
        <NewMeetingForm
          timeZones={timeZoneOptions(own.profile.timeZone)}
          timeZone={own.profile.timeZone}
          staff={can(actor, "meetings:override-windows")}
          minNoticeMinutes={Math.round(meetingRules().minNoticeMs / 60_000)}
          initialInvitee={invitee}
          initialAssignmentId={assignmentId}
        />
      </Card>
    </>
  );
}
