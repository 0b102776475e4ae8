"use client";

import { useRef, type FormEvent } from "react";
import { FilePicker } from "@/components/files/file-picker";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, TextareaField } from "@/components/ui/field";
import type { ServiceType } from "@/lib/assignments/types";
import { UploadMessage } from "./upload-message";
import { useUpload } from "./use-upload";

type Props = { assignmentId: string; version: number; serviceType: ServiceType; maxBytes: number };

/**
 * The primary teacher's next version, fields by service: a paper's files; a homework's solution
 * (kept exactly as typed) and files; an exam's score and outcome.
 */
export function DeliveryForm({ assignmentId, version, serviceType, maxBytes }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const upload = useUpload<{ deliveryVersion: number; late: boolean }>(`/api/assignments/${assignmentId}/deliveries`, (data) =>
    `Version ${data.deliveryVersion} delivered${data.late ? " (late)" : ""}`,
  );
  const errors = upload.errors;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await upload.send(event.currentTarget)) form.current?.reset();
  }

  return (
    <Card title="Submit delivery" id="deliver" className="scroll-mt-20">
      <form ref={form} onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={upload.sending}>
        <UploadMessage message={upload.message} />
        <input type="hidden" name="expectedVersion" value={version} />
        {serviceType === "exam" ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Score" name="examScore" maxLength={40} placeholder="e.g. 87/100" errors={errors.examScore} />
            <Field label="Outcome" name="examOutcome" maxLength={200} placeholder="e.g. Passed" errors={errors.examOutcome} />
          </div>
        ) : null}
        {serviceType === "homework" ? (
          <TextareaField
            label="Solution"
            name="textSolution"
            rows={12}
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            className="whitespace-pre font-mono"
            hint="Kept exactly as typed, spaces and line breaks included. Or attach the solution as files."
            errors={errors.textSolution}
          />
        ) : null}
        <TextareaField label="Notes" name="notes" rows={3} maxLength={5000} errors={errors.notes} />
        <FilePicker label="Files" files={upload.files} onChange={upload.setFiles} progress={upload.progress} errors={errors.files} maxBytes={maxBytes} disabled={upload.sending} />
        <Button type="submit" disabled={upload.sending}>
          {upload.sending ? "Sending…" : "Submit delivery"}
        </Button>
      </form>
    </Card>
  );
}
