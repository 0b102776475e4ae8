import { submitWithProgress } from "@/components/files/submit-with-progress";
import { callJsonApi, type ApiResult } from "@/components/json-api";
import type { MessageAttachmentView, MessagePage, MessageView, RecipientOption } from "@/lib/messaging/types";

export type { ApiResult };

const call = callJsonApi;

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
