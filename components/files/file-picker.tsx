"use client";

import { Paperclip } from "lucide-react";
import { useId, useState, type DragEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { formatBytes } from "./format-bytes";

type Props = {
  label: string;
  files: File[];
  onChange(files: File[]): void;
  /** 0..1 per file while sending; absent before. */
  progress?: number[];
  errors?: string[];
  maxBytes: number;
  /** More limits to state beside the size, e.g. how many files a brief holds. */
  limitsNote?: string;
  disabled?: boolean;
};

/** Several files at once, by dialog or drag and drop, each removable before sending. */
export function FilePicker({ label, files, onChange, progress, errors, maxBytes, limitsNote, disabled }: Props) {
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const add = (list: FileList | null) => {
    if (!list) return;
    const known = new Set(files.map((f) => `${f.name}:${f.size}:${f.lastModified}`));
    onChange([...files, ...Array.from(list).filter((f) => !known.has(`${f.name}:${f.size}:${f.lastModified}`))]);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!disabled) add(event.dataTransfer.files);
  };
  return (
    <div>
      <span id={`${id}-label`} className="block text-sm font-medium text-slate-800">
        {label}
      </span>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        // The input itself is visually hidden; the zone shows its focus, so keyboard users see where they are.
        className={cn(
          "relative mt-1 rounded-md border-2 border-dashed p-4 text-center text-sm transition-shadow focus-within:border-brand-700 focus-within:ring-2 focus-within:ring-brand-600 focus-within:ring-offset-2",
          dragging ? "border-brand-600 bg-brand-50" : errors?.length ? "border-red-500" : "border-slate-300",
        )}
      >
        <label htmlFor={id} className={buttonClass("outline", "cursor-pointer", "sm")}>
          <Paperclip aria-hidden="true" />
          Choose files
        </label>
        <p id={`${id}-hint`} className="mt-2 text-slate-600">
          or drop them here. Up to {formatBytes(maxBytes)} each.{limitsNote ? ` ${limitsNote}` : null}
        </p>
        <input
          id={id}
          type="file"
          multiple
          disabled={disabled}
          className="sr-only"
          data-field="files"
          aria-invalid={errors?.length ? true : undefined}
          // Named by the field's label ("Files"), not by the button-like "Choose files".
          aria-labelledby={`${id}-label`}
          aria-describedby={errors?.length ? `${id}-hint ${id}-error` : `${id}-hint`}
          onChange={(event) => {
            add(event.target.files);
            event.target.value = "";
          }}
          // Enter opens the dialog natively; Space should too, as on any button.
          onKeyDown={(event) => {
            if (event.key !== " ") return;
            event.preventDefault();
            event.currentTarget.click();
          }}
        />
      </div>
      {files.length > 0 ? (
        <ul className="mt-2 space-y-2" aria-label="Ready to upload">
          {files.map((file, index) => {
            const tooBig = file.size > maxBytes;
            const done = progress?.[index];
            return (
              <li key={`${file.name}-${file.size}-${file.lastModified}`} className="rounded-md bg-slate-50 px-3 py-2 text-sm ring-1 ring-slate-200" data-testid="chosen-file">
                <div className="flex items-center justify-between gap-2">
                  <span className="min-w-0 truncate">{file.name}</span>
                  <span className="shrink-0 text-xs text-slate-500">{formatBytes(file.size)}</span>
                  <button type="button" disabled={disabled} onClick={() => onChange(files.filter((_, i) => i !== index))} className="shrink-0 text-xs text-red-700 underline" aria-label={`Remove ${file.name}`}>
                    Remove
                  </button>
                </div>
                {tooBig ? <p className="mt-1 text-xs text-red-700">Larger than {formatBytes(maxBytes)}; remove it to send the rest.</p> : null}
                {done !== undefined ? <progress className="mt-2 h-1.5 w-full" max={1} value={done} aria-label={`Upload of ${file.name}`} /> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700" data-testid="error-files">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
