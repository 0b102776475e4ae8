import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/session";
import { answer503WhileDatabaseDown } from "@/lib/http/database-unavailable";
import { meetingIcs } from "@/lib/meetings/ics";
import { icsMeeting } from "@/lib/meetings/ics-data";
import { findMeetingParticipation } from "@/lib/meetings/policy";

export const dynamic = "force-dynamic";

/** A meeting's calendar file for one of its two participants (anyone else: 404), as an attachment. */
export const GET = answer503WhileDatabaseDown(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await currentActor();
  if (!actor) return NextResponse.json({ error: "Sign in to download the calendar file" }, { status: 401 });
  if (actor.mustChangePassword) return NextResponse.json({ error: "Change your password first." }, { status: 403 });
  const db = getDb();
  const participation = await findMeetingParticipation(db, actor, (await params).id);
  const meeting = participation ? await icsMeeting(db, participation.meeting.id) : null;
  if (!meeting) return NextResponse.json({ error: "Meeting not found" }, { status: 404 });
  const off = meeting.status === "cancelled" || meeting.status === "declined";
  return new Response(meetingIcs(meeting, off ? "CANCEL" : "REQUEST"), {
    headers: {
      "Content-Type": `text/calendar; charset=utf-8; method=${off ? "CANCEL" : "REQUEST"}`,
      // The id is a UUID (checked by findMeetingParticipation), safe in a quoted filename.
      "Content-Disposition": `attachment; filename="meeting-${meeting.id}.ics"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
