"use client";

import type { FormEvent } from "react";
import { FilePicker } from "@/components/files/file-picker";
import { Button } from "@/components/ui/button";
import { UploadMessage } from "./upload-message";
import { useUpload } from "./use-upload";

/** The student adds files to the brief until a teacher accepts; the route stores all or none. */
export function AddBriefFilesForm({ assignmentId, version, maxBytes, limitsNote }: { assignmentId: string; version: number; maxBytes: number; limitsNote?: string }) {
  const upload = useUpload<{ fileIds: string[] }>(`/api/assignments/${assignmentId}/files`, (data) =>
    data.fileIds.length === 1 ? "File added" : `${data.fileIds.length} files added`,
  );
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await upload.send(event.currentTarget);
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-busy={upload.sending}>
      <UploadMessage message={upload.message} />
      <input type="hidden" name="expectedVersion" value={version} />
      <FilePicker label="Add files" files={upload.files} onChange={upload.setFiles} progress={upload.progress} errors={upload.errors.files} maxBytes={maxBytes} limitsNote={limitsNote} disabled={upload.sending} />
      <Button type="submit" variant="secondary" disabled={upload.sending}>
        {upload.sending ? "Uploading…" : "Upload files"}
      </Button>
    </form>
  );
}
