"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { progressPerFile, submitWithProgress } from "@/components/files/submit-with-progress";
import { toast } from "sonner";
import type { FieldErrors } from "@/lib/errors";

/**
 * A multipart form to one of the assignment upload routes, with a bar per file. On success it
 * toasts, clears the files and refreshes the page, so the new version number reaches the form.
 */
export function useUpload<T>(url: string, success: (data: T) => string) {
  const router = useRouter();
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number[] | undefined>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [sending, setSending] = useState(false);

  async function send(form: HTMLFormElement): Promise<boolean> {
    if (sending) return false;
    const body = new FormData(form);
    for (const file of files) body.append("files", file);
    setSending(true);
    setMessage(undefined);
    setErrors({});
    setProgress(files.map(() => 0));
    const result = await submitWithProgress<T>(url, body, (loaded, total) => setProgress(progressPerFile(files.map((f) => f.size), loaded, total)));
    setSending(false);
    setProgress(undefined);
    if (result.ok) {
      setFiles([]);
      toast.success(success(result.data));
      router.refresh();
      return true;
    }
    setErrors(result.fieldErrors);
    setMessage(result.message);
    return false;
  }

  return { files, setFiles, progress, errors, message, sending, send };
}
