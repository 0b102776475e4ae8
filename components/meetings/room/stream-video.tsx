"use client";

import { useEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";

/** A <video> showing a MediaStream (srcObject cannot be set as an attribute). */
export function StreamVideo({ stream, label, muted = false, mirrored = false, className }: { stream: MediaStream | null; label: string; muted?: boolean; mirrored?: boolean; className?: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video || video.srcObject === stream) return;
    video.srcObject = stream;
    // autoPlay alone can stall when the stream is swapped; the Join click counts as the gesture.
    if (stream) video.play().catch(() => {});
  }, [stream]);
  return <video ref={ref} aria-label={label} autoPlay playsInline muted={muted} className={cn("h-full w-full bg-slate-900 object-cover", mirrored && "-scale-x-100", className)} />;
}
