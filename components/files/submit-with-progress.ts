import type { FieldErrors } from "@/lib/errors";

export type UploadResponse<T> = { ok: true; data: T } | { ok: false; status: number; message: string; fieldErrors: FieldErrors };

/**
 * Posts the form as one multipart request, so the server can accept or refuse the whole of it,
 * and reports bytes sent; fetch() cannot report upload progress, XMLHttpRequest can.
 */
export function submitWithProgress<T>(url: string, body: FormData, onProgress: (loaded: number, total: number) => void, signal?: AbortSignal): Promise<UploadResponse<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onload = () => {
      const payload = (xhr.response ?? {}) as { data?: T; error?: string; fieldErrors?: FieldErrors };
      if (xhr.status >= 200 && xhr.status < 300) resolve({ ok: true, data: payload.data as T });
      else resolve({ ok: false, status: xhr.status, message: payload.error ?? `The server answered ${xhr.status}`, fieldErrors: payload.fieldErrors ?? {} });
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, message: "The upload failed. Check your connection and try again.", fieldErrors: {} });
    xhr.onabort = () => resolve({ ok: false, status: 0, message: "Upload cancelled.", fieldErrors: {} });
    signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(body);
  });
}

/**
 * Multipart bodies carry files in order, so the share of bytes sent tells how far each file is.
 * Fields before the files are small next to them; the estimate is close enough for a bar.
 */
export function progressPerFile(sizes: readonly number[], loaded: number, total: number): number[] {
  const fileBytes = sizes.reduce((sum, size) => sum + size, 0);
  const overhead = Math.max(0, total - fileBytes);
  let remaining = Math.max(0, loaded - overhead / 2);
  return sizes.map((size) => {
    const done = Math.min(size, remaining);
    remaining -= done;
    return size === 0 ? (loaded >= total ? 1 : 0) : done / size;
  });
}
