"use client";

import { MicIcon, MicOffIcon, MonitorUpIcon, MonitorXIcon, PhoneOffIcon, VideoIcon, VideoOffIcon } from "lucide-react";
import { Button } from "@/components/ui/button";

type Props = {
  muted: boolean;
  cameraOff: boolean;
  sharing: boolean;
  onToggleMute: () => void;
  onToggleCamera: () => void;
  onToggleShare?: () => void;
  onLeave?: () => void;
};

/** Mute, camera, screen share and leave; the names say what a press will do. */
export function CallControls({ muted, cameraOff, sharing, onToggleMute, onToggleCamera, onToggleShare, onLeave }: Props) {
  return (
    <div className="flex flex-wrap items-center justify-center gap-2" role="toolbar" aria-label="Call controls">
      <Button variant={muted ? "secondary" : "outline"} onClick={onToggleMute} aria-pressed={muted}>
        {muted ? <MicOffIcon aria-hidden /> : <MicIcon aria-hidden />}
        {muted ? "Unmute microphone" : "Mute microphone"}
      </Button>
      <Button variant={cameraOff ? "secondary" : "outline"} onClick={onToggleCamera} aria-pressed={cameraOff}>
        {cameraOff ? <VideoOffIcon aria-hidden /> : <VideoIcon aria-hidden />}
        {cameraOff ? "Turn camera on" : "Turn camera off"}
      </Button>
      {onToggleShare ? (
        <Button variant={sharing ? "secondary" : "outline"} onClick={onToggleShare} aria-pressed={sharing}>
          {sharing ? <MonitorXIcon aria-hidden /> : <MonitorUpIcon aria-hidden />}
          {sharing ? "Stop sharing" : "Share screen"}
        </Button>
      ) : null}
      {onLeave ? (
        <Button variant="destructive" onClick={onLeave}>
          <PhoneOffIcon aria-hidden />
          Leave
        </Button>
      ) : null}
    </div>
  );
}
