"use client";

import { useCallback, useEffect, useState } from "react";

export type DeviceOption = { deviceId: string; label: string };

export type LocalMedia = {
  stream: MediaStream | null;
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  cameraId: string;
  microphoneId: string;
  chooseCamera: (deviceId: string) => void;
  chooseMicrophone: (deviceId: string) => void;
  error: string | null;
};

function stopAll(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

function describe(error: unknown): string {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError") return "Camera and microphone access is blocked. Allow it in your browser's site settings, then reload.";
  if (name === "NotFoundError") return "No camera or microphone was found.";
  if (name === "NotReadableError") return "Your camera or microphone is in use by another app.";
  if (typeof navigator !== "undefined" && !navigator.mediaDevices) return "This browser cannot use a camera here (a secure https page is needed).";
  return "Could not start your camera and microphone.";
}

async function openStream(cameraId: string, microphoneId: string): Promise<MediaStream> {
  const audio: MediaTrackConstraints | boolean = microphoneId ? { deviceId: { exact: microphoneId } } : true;
  // Not a secure context (plain http on another host): the API is missing; describe() says so.
  if (!navigator.mediaDevices?.getUserMedia) throw new Error("getUserMedia is unavailable");
  const video: MediaTrackConstraints = { ...(cameraId ? { deviceId: { exact: cameraId } } : {}), width: { ideal: 1280 }, height: { ideal: 720 } };
  try {
    return await navigator.mediaDevices.getUserMedia({ audio, video });
  } catch (error) {
    // No camera (or it is busy): join with the microphone alone rather than not at all.
    if (error instanceof DOMException && (error.name === "NotFoundError" || error.name === "NotReadableError" || error.name === "OverconstrainedError")) {
      return navigator.mediaDevices.getUserMedia({ audio, video: false });
    }
    throw error;
  }
}

/**
 * The camera and microphone the user picked, opened for the preview and the call. Device labels
 * are only readable once access is granted, so the lists are read after the first stream opens.
 */
export function useLocalMedia(active: boolean): LocalMedia {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [devices, setDevices] = useState<{ cameras: DeviceOption[]; microphones: DeviceOption[] }>({ cameras: [], microphones: [] });
  const [cameraId, chooseCamera] = useState("");
  const [microphoneId, chooseMicrophone] = useState("");
  const [error, setError] = useState<string | null>(null);

  const readDevices = useCallback(async () => {
    if (!navigator.mediaDevices?.enumerateDevices) return;
    const all = await navigator.mediaDevices.enumerateDevices();
    const pick = (kind: MediaDeviceKind, noun: string) =>
      all.filter((device) => device.kind === kind && device.deviceId).map((device, index) => ({ deviceId: device.deviceId, label: device.label || `${noun} ${index + 1}` }));
    setDevices({ cameras: pick("videoinput", "Camera"), microphones: pick("audioinput", "Microphone") });
  }, []);

  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    let opened: MediaStream | null = null;
    openStream(cameraId, microphoneId).then(
      (next) => {
        if (cancelled) return stopAll(next);
        opened = next;
        setStream(next);
        setError(null);
        void readDevices();
      },
      (reason: unknown) => {
        if (!cancelled) setError(describe(reason));
      },
    );
    return () => {
      cancelled = true;
      if (opened) stopAll(opened);
    };
  }, [active, cameraId, microphoneId, readDevices]);

  useEffect(() => {
    if (!active || !navigator.mediaDevices) return;
    const onChange = () => void readDevices();
    navigator.mediaDevices.addEventListener("devicechange", onChange);
    return () => navigator.mediaDevices.removeEventListener("devicechange", onChange);
  }, [active, readDevices]);

  // The select shows the device actually in use until the user picks one.
  const current = (kind: "audio" | "video") => (kind === "audio" ? stream?.getAudioTracks() : stream?.getVideoTracks())?.[0]?.getSettings().deviceId ?? "";
  return {
    stream: active ? stream : null,
    cameras: devices.cameras,
    microphones: devices.microphones,
    cameraId: cameraId || current("video"),
    microphoneId: microphoneId || current("audio"),
    chooseCamera,
    chooseMicrophone,
    error,
  };
}
