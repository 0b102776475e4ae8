/** The widget API, same-origin from the panel; the visitor token goes as a bearer token. */

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: string; fieldErrors: Record<string, string> };

type Options = { method?: "GET" | "POST"; token?: string | null; body?: unknown };

/** Server field errors may come as one message or a list per field; the first is shown. */
export function firstFieldErrors(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof raw !== "object" || raw === null) return out;
  for (const [field, value] of Object.entries(raw)) {
    const text = Array.isArray(value) ? value.find((item) => typeof item === "string") : value;
    if (typeof text === "string" && text) out[field] = text;
  }
  return out;
}

export async function api<T>(path: string, { method = "GET", token, body }: Options = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "omit" });
  } catch {
    return { ok: false, status: 0, error: "Could not reach us. Check your connection and try again.", fieldErrors: {} };
  }
  const json = (await response.json().catch(() => null)) as { data?: T; error?: unknown; fieldErrors?: unknown } | null;
  if (response.ok && json && "data" in json) return { ok: true, status: response.status, data: json.data as T };
  const error = typeof json?.error === "string" ? json.error : response.status === 429 ? "Too many messages. Please wait a moment." : "Something went wrong. Please try again.";
  return { ok: false, status: response.status, error, fieldErrors: firstFieldErrors(json?.fieldErrors) };
}

/** RFC 4122 v4; crypto.randomUUID only exists in secure contexts. */
export function uuid(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The iframe's own storage (the app's origin), so a visitor's conversation follows them across host pages. */
export const stored = {
  get(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string | null): void {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      // Blocked storage (third-party storage partitioning off, private modes): the session lasts this page.
    }
  },
};

export const TOKEN_KEY = "nano-visitor-token";
export const EMAIL_KEY = "nano-visitor-email";
