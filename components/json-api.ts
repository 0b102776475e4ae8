import type { FieldErrors } from "@/lib/errors";

/** What the app's JSON routes answer: `{ data }`, or `{ error, fieldErrors }` with a 4xx/5xx; status 0 is no answer at all. */
export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; error: string; fieldErrors: FieldErrors };

/** A same-origin call to one of the app's JSON routes (lib/http/json-route.ts), never throwing: no network is a result too. */
export async function callJsonApi<T>(url: string, init?: RequestInit): Promise<ApiResult<T>> {
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
