"use client";

import { useId } from "react";
import { cn } from "@/components/ui/cn";
import type { DeviceOption } from "./use-local-media";

const control =
  "mt-1.5 block h-10 w-full min-w-0 rounded-md border border-input bg-background px-3 pr-8 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:opacity-50";

function DevicePicker({ label, devices, value, onChange }: { label: string; devices: DeviceOption[]; value: string; onChange: (deviceId: string) => void }) {
  const id = useId();
  return (
    <div className="min-w-0 flex-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={id} className={cn(control)} value={value} disabled={devices.length === 0} onChange={(event) => onChange(event.target.value)}>
        {devices.length === 0 ? <option value="">None found</option> : null}
        {devices.map((device) => (
          <option key={device.deviceId} value={device.deviceId}>
            {device.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DevicePickers(props: {
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  cameraId: string;
  microphoneId: string;
  chooseCamera: (deviceId: string) => void;
  chooseMicrophone: (deviceId: string) => void;
}) {
  return (
    <div className="flex flex-col gap-3 sm:flex-row">
      <DevicePicker label="Camera" devices={props.cameras} value={props.cameraId} onChange={props.chooseCamera} />
      <DevicePicker label="Microphone" devices={props.microphones} value={props.microphoneId} onChange={props.chooseMicrophone} />
    </div>
  );
}
