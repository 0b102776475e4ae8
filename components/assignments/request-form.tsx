"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { FilePicker } from "@/components/files/file-picker";
import { progressPerFile, submitWithProgress } from "@/components/files/submit-with-progress";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextareaField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import { zoneAbbreviation } from "@/lib/time/format";
import { ErrorSummary, inFormOrder } from "./error-summary";
import { serviceLabel } from "./labels";
import { ServiceFields } from "./service-fields";

type Service = keyof typeof serviceLabel;

/** "EST (America/Toronto)": the abbreviation people know, and the zone it stands for. */
export function zoneName(timeZone: string): string {
  const abbreviation = zoneAbbreviation(timeZone);
  return abbreviation === timeZone ? timeZone : `${abbreviation} (${timeZone})`;
}

export function RequestForm({ timeZones, timeZone, maxBytes, limitsNote }: { timeZones: string[]; timeZone: string; maxBytes: number; limitsNote?: string }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [service, setService] = useState<Service>("writing");
  const [dueZone, setDueZone] = useState(timeZone);
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number[] | undefined>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<[string, string[]][]>([]);
  const [message, setMessage] = useState<string>();
  const [attempt, setAttempt] = useState(0);
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
    if (result.ok) {
      // Stays "Sending…" until the new page replaces the form, so it cannot be sent twice.
      toast.success(`Request ${result.data.code} sent`);
      router.push(`/student/assignments/${result.data.assignmentId}`);
      return;
    }
    setSending(false);
    setProgress(undefined);
    setErrors(result.fieldErrors);
    setSummary(inFormOrder(form.current, result.fieldErrors));
    setMessage(result.message);
    setAttempt((n) => n + 1);
  }

  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-6" aria-busy={sending}>
      <ErrorSummary form={form} errors={summary} message={message} attempt={attempt} />
      <SelectField label="Service" name="serviceType" value={service} onChange={(e) => setService(e.target.value as Service)} errors={errors.serviceType}>
        {Object.entries(serviceLabel).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </SelectField>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Title" name="title" maxLength={150} errors={errors.title} />
        <Field label="Subject" name="subject" maxLength={100} errors={errors.subject} />
      </div>
      <TextareaField label="Instructions" name="instructions" rows={6} errors={errors.instructions} hint="What you need, how it will be graded, anything the teacher should know." />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Due date" name="dueAt" type="datetime-local" errors={errors.dueAt} hint={`Times are in ${zoneName(dueZone)}.`} />
        <SelectField
          label="Time zone"
          name="timeZone"
          value={dueZone}
          onChange={(e) => setDueZone(e.target.value)}
          errors={errors.timeZone}
          hint={
            <>
              {dueZone === timeZone ? "Your profile's zone" : `Your profile's zone is ${zoneName(timeZone)}`} —{" "}
              <Link href="/profile" className="text-brand-700 underline">
                change it in your profile
              </Link>
              .
            </>
          }
        >
          {timeZones.map((zone) => <option key={zone} value={zone}>{zone}</option>)}
        </SelectField>
      </div>
      <ServiceFields key={service} service={service} errors={errors} timeZones={timeZones} timeZone={timeZone} />
      <FilePicker label="Files" files={files} onChange={setFiles} progress={progress} errors={errors.files} maxBytes={maxBytes} limitsNote={limitsNote} disabled={sending} />
      <Button type="submit" disabled={sending}>{sending ? "Sending…" : "Submit request"}</Button>
    </form>
  );
}
