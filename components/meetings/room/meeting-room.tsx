"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useRealtime } from "@/components/realtime/realtime-provider";
import { Button, buttonClass } from "@/components/ui/button";
import { reportAttendance } from "./attendance";
import { CallControls } from "./call-controls";
import { CallSession, type CallState } from "./call-session";
import { DevicePickers } from "./device-pickers";
import { RemoteStatus } from "./remote-status";
import { StreamVideo } from "./stream-video";
import { useLocalMedia } from "./use-local-media";

type Person = { userId: string; name: string };

type Props = {
  meetingId: string;
  title: string;
  me: Person;
  other: Person;
  iceServers: RTCIceServer[];
  closesAt: string;
};

/**
 * The 1-on-1 room: a preview with device pickers, then the call. Leaving returns to the preview,
 * from which Join starts a fresh call; a reload does the same (the other side sees a new peer).
 */
export function MeetingRoom({ meetingId, title, me, other, iceServers, closesAt }: Props) {
  const { pusher, state: realtime } = useRealtime();
  const media = useLocalMedia(true);
  const [inCall, setInCall] = useState(false);
  const [left, setLeft] = useState(false);
  const [call, setCall] = useState<CallState | null>(null);
  const [muted, setMuted] = useState(false);
  const [cameraOff, setCameraOff] = useState(false);
  const [screen, setScreen] = useState<MediaStreamTrack | null>(null);
  const session = useRef<CallSession | null>(null);
  const screenRef = useRef<MediaStreamTrack | null>(null);
  const streamRef = useRef<MediaStream | null>(null);

  useEffect(() => {
    streamRef.current = media.stream;
  }, [media.stream]);

  // Muting disables the track: the connection stays as it is and unmuting is instant.
  useEffect(() => {
    for (const track of media.stream?.getAudioTracks() ?? []) track.enabled = !muted;
  }, [media.stream, muted]);
  useEffect(() => {
    for (const track of media.stream?.getVideoTracks() ?? []) track.enabled = !cameraOff;
  }, [media.stream, cameraOff]);

  // Another camera or microphone picked during the call: swapped in without renegotiating.
  useEffect(() => {
    const current = session.current;
    if (!current || !media.stream) return;
    current.setLocalStream(media.stream);
    void current.replaceTrack("audio", media.stream.getAudioTracks()[0] ?? null);
    if (!screenRef.current) void current.replaceTrack("video", media.stream.getVideoTracks()[0] ?? null);
  }, [media.stream]);

  useEffect(() => {
    session.current?.setMediaState({ muted, cameraOff, sharing: screen !== null });
  }, [muted, cameraOff, screen, inCall]);

  const stopSharing = useCallback(() => {
    const track = screenRef.current;
    if (!track) return;
    screenRef.current = null;
    track.stop();
    setScreen(null);
    void session.current?.replaceTrack("video", streamRef.current?.getVideoTracks()[0] ?? null);
  }, []);

  const endCall = useCallback(
    (beacon: boolean) => {
      if (!session.current) return;
      session.current.leave();
      session.current = null;
      reportAttendance(meetingId, "leave", { beacon });
    },
    [meetingId],
  );

  // Closing the tab or reloading leaves the call; so does navigating elsewhere in the app.
  useEffect(() => {
    if (!inCall) return;
    const onPageHide = () => endCall(true);
    window.addEventListener("pagehide", onPageHide);
    return () => window.removeEventListener("pagehide", onPageHide);
  }, [inCall, endCall]);
  useEffect(
    () => () => {
      screenRef.current?.stop();
      endCall(false);
    },
    [endCall],
  );

  function join() {
    if (!pusher || !media.stream || session.current) return;
    const started = new CallSession({ pusher, meetingId, me, other, iceServers, onChange: setCall });
    session.current = started;
    started.setMediaState({ muted, cameraOff, sharing: false });
    started.start(media.stream, media.stream.getVideoTracks()[0] ?? null);
    setInCall(true);
    setLeft(false);
    reportAttendance(meetingId, "join");
  }

  function leave() {
    stopSharing();
    endCall(false);
    setCall(null);
    setInCall(false);
    setLeft(true);
  }

  async function toggleShare() {
    if (screenRef.current) return stopSharing();
    let display: MediaStream;
    try {
      display = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    } catch {
      return; // The user closed the picker.
    }
    const track = display.getVideoTracks()[0];
    if (!track) return;
    // The browser's own "Stop sharing" bar ends the track: back to the camera.
    track.addEventListener("ended", () => {
      if (screenRef.current === track) stopSharing();
    });
    screenRef.current = track;
    setScreen(track);
    await session.current?.replaceTrack("video", track);
  }

  const screenStream = useMemo(() => (screen ? new MediaStream([screen]) : null), [screen]);
  const liveProblem = realtime === "off" ? "Live connection is not configured on this server, so calls cannot start." : null;
  const canShare = typeof navigator !== "undefined" && Boolean(navigator.mediaDevices?.getDisplayMedia);
  const controls = (
    <CallControls
      muted={muted}
      cameraOff={cameraOff}
      sharing={screen !== null}
      onToggleMute={() => setMuted((value) => !value)}
      onToggleCamera={() => setCameraOff((value) => !value)}
      onToggleShare={inCall && canShare ? () => void toggleShare() : undefined}
      onLeave={inCall ? leave : undefined}
    />
  );

  if (!inCall) {
    return (
      <div className="mx-auto flex max-w-3xl flex-col gap-5" data-testid="room-lobby">
        <header className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
          <Link href={`/meetings/${meetingId}`} className="text-sm text-primary underline-offset-4 hover:underline">
            Meeting details
          </Link>
        </header>
        {left ? (
          <p className="rounded-md border bg-slate-50 px-3 py-2 text-sm text-slate-700" role="status">
            You left the call. Join again whenever you are ready (the room closes at {new Date(closesAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}).
          </p>
        ) : null}
        <div className="relative aspect-video overflow-hidden rounded-xl border bg-slate-900">
          <StreamVideo stream={media.stream} label="Your video" muted mirrored />
          {cameraOff ? <p className="absolute inset-0 flex items-center justify-center text-sm text-white">Your camera is off</p> : null}
        </div>
        {media.error ? (
          <p className="text-sm text-red-700" role="alert">
            {media.error}
          </p>
        ) : null}
        <DevicePickers {...media} />
        {controls}
        {liveProblem ? (
          <p className="text-sm text-red-700" role="alert">
            {liveProblem}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button size="lg" onClick={join} disabled={!pusher || !media.stream}>
            Join
          </Button>
          <p className="text-sm text-slate-600">You will meet {other.name}.</p>
        </div>
      </div>
    );
  }

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4" data-testid="room-call">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
        <RemoteStatus name={other.name} call={call} />
      </header>
      <div className="relative aspect-video overflow-hidden rounded-xl border bg-slate-900">
        <StreamVideo stream={call?.remoteStream ?? null} label={`${other.name}'s video`} />
        {!call?.remoteStream ? (
          <p className="absolute inset-0 flex items-center justify-center px-4 text-center text-sm text-white">
            {call?.otherPresent ? `Connecting to ${other.name}…` : `Waiting for ${other.name} to join…`}
          </p>
        ) : call.remoteMedia?.cameraOff && !call.remoteMedia.sharing ? (
          <p className="absolute inset-0 flex items-center justify-center bg-slate-900 text-sm text-white">{other.name} turned their camera off</p>
        ) : null}
        <div className="absolute right-3 bottom-3 aspect-video w-1/4 min-w-32 overflow-hidden rounded-lg border-2 border-white/70 shadow-lg">
          <StreamVideo stream={screenStream ?? media.stream} label="Your video" muted mirrored={!screenStream} />
        </div>
      </div>
      {call?.error ? (
        <p className="text-sm text-red-700" role="alert">
          {call.error}
        </p>
      ) : null}
      {controls}
      <div className="flex justify-center">
        <Link href={`/meetings/${meetingId}`} className={buttonClass("link", undefined, "sm")}>
          Meeting details
        </Link>
      </div>
    </div>
  );
}
