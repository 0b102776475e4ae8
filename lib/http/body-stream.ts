export type Pumped = { outcome: "done" | "too_large" | "stopped" | "unreadable"; bytes: number };

/** What the client declared; a body longer than its Content-Length is cut by Node, so this is an upper bound. */
export function declaredLength(headers: Headers): number | undefined {
  const value = headers.get("content-length");
  if (value === null || !/^\d{1,16}$/.test(value.trim())) return undefined;
  return Number(value);
}

/**
 * Pulls a request body chunk by chunk, counting bytes as they arrive, and cancels the stream as
 * soon as the count passes `maxBytes` or `onChunk` answers "stop". Headers are never trusted for
 * the limit: a chunked body, or one longer than it claims, costs at most `maxBytes` plus a chunk.
 */
export async function pumpBody(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  onChunk: (chunk: Uint8Array) => "more" | "stop" | Promise<"more" | "stop">,
): Promise<Pumped> {
  if (!body) return { outcome: "done", bytes: 0 };
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = body.getReader();
  } catch {
    return { outcome: "unreadable", bytes: 0 }; // already read or locked
  }
  // Cancelling tells Node to stop reading the socket; the answer still reaches the client.
  const stop = (outcome: Pumped["outcome"], bytes: number): Pumped => {
    reader.cancel().catch(() => undefined);
    return { outcome, bytes };
  };
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { outcome: "done", bytes };
      if (!(value instanceof Uint8Array)) return stop("unreadable", bytes);
      bytes += value.byteLength;
      if (bytes > maxBytes) return stop("too_large", bytes);
      if ((await onChunk(value)) === "stop") return stop("stopped", bytes);
    }
  } catch {
    // The client went away or the body was cut mid-stream.
    return stop("unreadable", bytes);
  }
}
