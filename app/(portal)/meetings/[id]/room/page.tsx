import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { formatClock } from "@/components/meetings/meeting-time";
import { MeetingRoom } from "@/components/meetings/room/meeting-room";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/session";
import { loadRoom, type RoomView } from "@/lib/meetings/room";
import { formatDateTime, zoneAbbreviation } from "@/lib/time/format";

type Props = { params: Promise<{ id: string }> };

// No loading.tsx here: a streamed page would answer 200 before notFound() runs, and a room that is
// not yours must answer 404.

const roomFor = cache(async (id: string) => loadRoom(getDb(), await requireUser(), id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const room = await roomFor((await params).id);
  return { title: room ? `${room.title} · Meeting room` : "Page not found" };
}

export default async function MeetingRoomPage({ params }: Props) {
  const { id } = await params;
  const room = await roomFor(id);
  if (!room) notFound();
  if (!room.window.open) return <RoomClosed room={room} />;
  return (
    <MeetingRoom
      key={room.meetingId}
      meetingId={room.meetingId}
      title={room.title}
      me={room.me}
      other={room.other}
      iceServers={room.iceServers}
      closesAt={room.window.closesAt.toISOString()}
    />
  );
}

function clock(at: Date, timeZone: string): string {
  return `${formatClock(at, timeZone)} ${zoneAbbreviation(timeZone, at)}`;
}

/** Before the room opens (10 minutes ahead) or after it closed: when, and the way back. */
function RoomClosed({ room }: { room: RoomView }) {
  const now = new Date();
  const early = now < room.window.opensAt;
  const sameDay = room.window.opensAt.getTime() - now.getTime() < 12 * 3_600_000;
  const opens = sameDay ? clock(room.window.opensAt, room.timeZone) : formatDateTime(room.window.opensAt, room.timeZone);
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 rounded-xl border bg-card p-6 text-card-foreground shadow-xs" data-testid="room-closed">
      <h1 className="text-xl font-semibold text-slate-900">{room.title}</h1>
      {early ? (
        <p className="text-sm text-slate-700">
          The room opens 10 minutes before the meeting. <strong>Opens at {opens}</strong> in your zone.
        </p>
      ) : (
        <p className="text-sm text-slate-700">This room is closed: the meeting has ended or is no longer scheduled.</p>
      )}
      <div>
        <Link href={`/meetings/${room.meetingId}`} className={buttonClass("outline")}>
          Back to the meeting
        </Link>
      </div>
    </div>
  );
}
