"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { FilePicker } from "@/components/files/file-picker";
import { progressPerFile, submitWithProgress } from "@/components/files/submit-with-progress";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextareaField } from "@/components/ui/field";
import { useToast } from "@/components/ui/toaster";
import type { FieldErrors } from "@/lib/errors";
import { serviceLabel } from "./labels";
import { ServiceFields } from "./service-fields";

type Service = keyof typeof serviceLabel;

export function RequestForm({ timeZones, timeZone, maxBytes }: { timeZones: string[]; timeZone: string; maxBytes: number }) {
  const router = useRouter();
  const toast = useToast();
  const form = useRef<HTMLFormElement>(null);
  const [service, setService] = useState<Service>("writing");
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number[] | undefined>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [sending, setSending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!form.current || sending) return;
    const body = new FormData(form.current);
    for (const file of files) body.append("files", file);
    setSending(true);
    setMessage(undefined);
    setProgress(files.map(() => 0));
    const result = await submitWithProgress<{ assignmentId: string; code: string }>("/api/assignments", body, (loaded, total) =>
      setProgress(progressPerFile(files.map((f) => f.size), loaded, total)),
    );
    setSending(false);
    if (result.ok) {
      toast.show(`Request ${result.data.code} sent`);
      router.push(`/student/assignments/${result.data.assignmentId}`);
      return;
    }
    setProgress(undefined);
    setErrors(result.fieldErrors);
    setMessage(result.message);
  }

  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-6">
      {message ? (
        <p role="status" aria-live="polite" data-testid="form-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {message}
        </p>
      ) : null}
      <SelectField label="Service" name="serviceType" value={service} onChange={(e) => setService(e.target.value as Service)} errors={errors.serviceType}>
        {Object.entries(serviceLabel).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </SelectField>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Title" name="title" maxLength={150} errors={errors.title} />
        <Field label="Subject" name="subject" maxLength={100} errors={errors.subject} />
      </div>
      <TextareaField label="Instructions" name="instructions" rows={6} errors={errors.instructions} hint="What you need, how it will be graded, anything the teacher should know." />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Due date" name="dueAt" type="datetime-local" errors={errors.dueAt} />
        <SelectField label="Time zone" name="timeZone" defaultValue={timeZone} errors={errors.timeZone}>
          {timeZones.map((zone) => <option key={zone} value={zone}>{zone}</option>)}
        </SelectField>
      </div>
      <ServiceFields key={service} service={service} errors={errors} timeZones={timeZones} timeZone={timeZone} />
      <FilePicker label="Files" files={files} onChange={setFiles} progress={progress} errors={errors.files} maxBytes={maxBytes} disabled={sending} />
      <Button type="submit" disabled={sending}>{sending ? "Sending…" : "Submit request"}</Button>
    </form>
  );
}
