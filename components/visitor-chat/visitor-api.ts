import { callJsonApi } from "@/components/json-api";
import type { VisitorQueuePage } from "@/lib/visitor-chat/queue-queries";
import type { QueueView } from "@/lib/visitor-chat/staff-schemas";
import type { VisitorMessageView, VisitorSessionDetail } from "@/lib/visitor-chat/types";
import type { Conversion } from "@/lib/visitor-chat/convert";

const call = callJsonApi;

const base = (id: string) => `/api/visitor-sessions/${encodeURIComponent(id)}`;
const post = <T>(url: string, body: unknown = {}) => call<T>(url, { method: "POST", body: JSON.stringify(body) });

/** The console's calls to /api/visitor-sessions (same-origin JSON, `{ data }` or `{ error, fieldErrors }`). */
export const visitorApi = {
  queue(query: { view: QueueView; q: string; cursor: string | null }) {
    const params = new URLSearchParams({ view: query.view });
    if (query.q) params.set("q", query.q);
    if (query.cursor) params.set("cursor", query.cursor);
    return call<VisitorQueuePage>(`/api/visitor-sessions?${params}`);
  },
  session: (id: string) => call<VisitorSessionDetail>(base(id)),
  messagesAfter: (id: string, after: number) => call<{ messages: VisitorMessageView[] }>(`${base(id)}/messages?after=${after}`),
  send: (id: string, input: { clientMessageId: string; body: string }) => post<VisitorMessageView>(`${base(id)}/messages`, input),
  read: (id: string, seq: number) => post<{ staffReadSeq: number }>(`${base(id)}/read`, { seq }),
  claim: (id: string) => post<{ sessionId: string }>(`${base(id)}/claim`),
  transfer: (id: string, toUserId: string) => post<{ sessionId: string }>(`${base(id)}/transfer`, { toUserId }),
  close: (id: string, reason: string) => post<{ sessionId: string }>(`${base(id)}/close`, { reason }),
  convert: (id: string, input: { fullName: string; email: string }) => post<Conversion>(`${base(id)}/convert`, input),
};

/** The TanStack Query keys the live events invalidate. */
export const visitorKeys = {
  all: ["visitor-chat"] as const,
  queue: (view: QueueView, q: string, cursor: string | null) => ["visitor-chat", "queue", view, q, cursor] as const,
  session: (id: string) => ["visitor-chat", "session", id] as const,
};
