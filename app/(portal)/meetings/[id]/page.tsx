import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { MeetingDetailView } from "@/components/meetings/meeting-detail";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { loadMeeting } from "@/lib/meetings/queries";
import { timeZoneOptions } from "@/lib/time-zones";

type Props = { params: Promise<{ id: string }> };

// No loading.tsx here (the list's sits in its route group): a streamed page would answer 200 before
// notFound() runs, and a meeting that is not yours must answer 404.

// The title and the page read the meeting once per request, through the same participant-only query.
const meetingFor = cache(async (id: string) => loadMeeting(getDb(), await requireUser(), id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const meeting = await meetingFor((await params).id);
  return { title: meeting ? `${meeting.title} · Meetings` : "Page not found" };
}

export default async function MeetingPage({ params }: Props) {
  const actor = await requireUser();
  const meeting = await meetingFor((await params).id);
  if (!meeting) notFound();
  const self = meeting.participants.find((person) => person.userId === actor.id);
  const timeZone = self?.timeZone ?? meeting.timeZone;
  return <MeetingDetailView meeting={meeting} viewer={{ id: actor.id, role: actor.role, timeZone }} timeZones={timeZoneOptions(timeZone)} now={new Date()} />;
}
