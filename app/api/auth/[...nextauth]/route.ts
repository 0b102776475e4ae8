import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/next-auth";
import { readUrlEncodedBody, refuseBody } from "@/lib/http/read-body";

// Auth.js's own form posts (a CSRF token, a callback URL) are tiny; the app signs in through server actions.
const MAX_BODY_BYTES = 16 * 1024;

export const { GET } = handlers;

/** Auth.js would read any body whole, of any size or type; it gets a URL-encoded copy read under the limit. */
export async function POST(request: NextRequest) {
  const form = await readUrlEncodedBody(request, MAX_BODY_BYTES);
  if (!form.ok) return refuseBody(request, form);
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  return handlers.POST(new NextRequest(request.url, { method: "POST", headers, body: form.form.toString() }));
}
