import { submitWithProgress } from "@/components/files/submit-with-progress";
import type { FieldErrors } from "@/lib/errors";
import type { MessageAttachmentView, MessagePage, MessageView, RecipientOption } from "@/lib/messaging/types";

/** What the thread routes answer: `{ data }`, or `{ error, fieldErrors }` with a 4xx/5xx; status 0 is no answer at all. */
export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: string; fieldErrors: FieldErrors };

async function call<T>(url: string, init?: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store", ...init, headers: init?.body ? { "Content-Type": "application/json", ...init.headers } : init?.headers });
  } catch {
    return { ok: false, status: 0, error: "No connection. Check your network and try again.", fieldErrors: {} };
  }
  const payload = (await response.json().catch(() => ({}))) as { data?: T; error?: string; fieldErrors?: FieldErrors };
  if (response.ok) return { ok: true, status: response.status, data: payload.data as T };
  return { ok: false, status: response.status, error: payload.error ?? `The server answered ${response.status}. Try again.`, fieldErrors: payload.fieldErrors ?? {} };
}

const base = (threadId: string) => `/api/threads/${encodeURIComponent(threadId)}`;

export const threadApi = {
  /** `before` an older page, `after` the catch-up after the last seq held. */
  messages(threadId: string, page: { before?: number; after?: number; limit?: number }, signal?: AbortSignal) {
    const params = new URLSearchParams();
    if (page.before !== undefined) params.set("before", String(page.before));
    if (page.after !== undefined) params.set("after", String(page.after));
    if (page.limit !== undefined) params.set("limit", String(page.limit));
    return call<MessagePage>(`${base(threadId)}/messages?${params}`, { signal });
  },
  send(threadId: string, input: { clientMessageId: string; body: string; attachmentIds?: string[] }) {
    return call<MessageView>(`${base(threadId)}/messages`, { method: "POST", body: JSON.stringify(input) });
  },
  edit(threadId: string, messageId: string, body: string) {
    return call<MessageView>(`${base(threadId)}/messages/${encodeURIComponent(messageId)}`, { method: "PATCH", body: JSON.stringify({ body }) });
  },
  remove(threadId: string, messageId: string) {
    return call<MessageView>(`${base(threadId)}/messages/${encodeURIComponent(messageId)}`, { method: "DELETE" });
  },
  read(threadId: string, seq: number) {
    return call<{ lastReadSeq: number }>(`${base(threadId)}/read`, { method: "POST", body: JSON.stringify({ seq }) });
  },
  removeAttachment(threadId: string, attachmentId: string) {
    return call<unknown>(`${base(threadId)}/attachments/${encodeURIComponent(attachmentId)}`, { method: "DELETE" });
  },
  /** One file, uploaded as soon as it is chosen; XMLHttpRequest because fetch cannot report upload progress. */
  async upload(threadId: string, file: File, onProgress: (share: number) => void, signal?: AbortSignal): Promise<ApiResult<MessageAttachmentView>> {
    const body = new FormData();
    body.append("file", file);
    const result = await submitWithProgress<MessageAttachmentView>(`${base(threadId)}/attachments`, body, (loaded, total) => onProgress(total > 0 ? loaded / total : 0), signal);
    if (result.ok) return { ok: true, status: 201, data: result.data };
    const fileError = result.fieldErrors.file?.join(" ");
    return { ok: false, status: result.status, error: fileError ?? result.message, fieldErrors: result.fieldErrors };
  },
  recipients(q: string, signal?: AbortSignal) {
    return call<RecipientOption[]>(`/api/threads/recipients?q=${encodeURIComponent(q)}`, { signal });
  },
};
