"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { MESSAGE_MAX_CHARS } from "@/lib/messaging/types";

/** Edits a message in place: Enter saves, Shift+Enter is a new line, Escape cancels. */
export function MessageEditor({ initial, onSave, onCancel }: { initial: string; onSave: (body: string) => Promise<string | null>; onCancel: () => void }) {
  const [body, setBody] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = field.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const trimmed = body.trim();
  const tooLong = Array.from(body).length > MESSAGE_MAX_CHARS;
  async function save() {
    if (saving || trimmed.length === 0 || tooLong) return;
    if (body === initial) return onCancel();
    setSaving(true);
    const failure = await onSave(body);
    setSaving(false);
    if (failure) setError(failure);
  }
  return (
    <div className="w-full max-w-xl">
      <textarea
        ref={field}
        value={body}
        aria-label="Edit message"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "edit-error" : undefined}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") onCancel();
          if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            void save();
          }
        }}
        rows={2}
        className="field-sizing-content max-h-60 min-h-16 w-full rounded-lg border border-input bg-white px-3 py-2 text-sm text-slate-900 shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50"
      />
      {error ? (
        <p id="edit-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="mt-1.5 flex justify-end gap-2">
        <Button variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
        <Button size="sm" onClick={() => void save()} disabled={saving || trimmed.length === 0 || tooLong}>
          {saving ? "Saving…" : "Save"}
        </Button>
      </div>
    </div>
  );
}
