// Next compresses every response it streams, since it cannot see a length; gzip's setup costs more
// than it saves on a small body (a sent message's answer is a few hundred bytes). Below the
// threshold its own compression library would use had it known the length, the answer says so.
const COMPRESS_FROM_BYTES = 1024;

/** A JSON answer of an API route: never stored by caches, and not compressed when small. */
export function apiJson(body: unknown, status = 200): Response {
  const text = JSON.stringify(body);
  const small = Buffer.byteLength(text) < COMPRESS_FROM_BYTES;
  return new Response(text, {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": small ? "no-store, no-transform" : "no-store" },
  });
}
