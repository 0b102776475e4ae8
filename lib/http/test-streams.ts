// Test helpers: requests whose bodies arrive as a stream, the way a chunked upload reaches a route.

type StreamOptions = {
  contentType?: string;
  /** Sent as Content-Length; absent by default, as with chunked transfer encoding. */
  contentLength?: number;
  chunkSize?: number;
  /** After the given bytes, keeps sending this byte forever (a "300 MB" upload that never ends). */
  thenForever?: number;
  /** After the given bytes, the connection breaks. */
  thenBreak?: boolean;
};

/** A POST whose body is pulled chunk by chunk; `pulled()` tells how many bytes the reader asked for. */
export function streamedRequest(bytes: Uint8Array | string, options: StreamOptions = {}) {
  const body = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  const chunkSize = options.chunkSize ?? 16 * 1024;
  let offset = 0;
  let pulled = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset < body.length) {
          const chunk = body.slice(offset, offset + chunkSize);
          offset += chunk.length;
          pulled += chunk.length;
          controller.enqueue(chunk);
        } else if (options.thenForever !== undefined) {
          pulled += chunkSize;
          controller.enqueue(new Uint8Array(chunkSize).fill(options.thenForever));
        } else if (options.thenBreak) {
          controller.error(new Error("socket hang up"));
        } else {
          controller.close();
        }
      },
      cancel() {
        cancelled = true;
      },
    },
    // Nothing is pulled ahead of the reader, so `pulled` counts what the reader consumed.
    { highWaterMark: 0 },
  );
  const headers = new Headers();
  if (options.contentType !== undefined) headers.set("content-type", options.contentType);
  if (options.contentLength !== undefined) headers.set("content-length", String(options.contentLength));
  const request = new Request("http://app.test/api/upload", { method: "POST", headers, body: stream, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled, cancelled: () => cancelled };
}

/** A form encoded exactly as a browser sends it: its bytes and its Content-Type (with boundary). */
export async function encodedForm(form: FormData): Promise<{ bytes: Uint8Array; contentType: string }> {
  const response = new Response(form);
  return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get("content-type") ?? "" };
}

/** A file part and the start of its bytes, with no closing boundary: what a chunked upload looks like mid-way. */
export function openFilePart(boundary: string, fileName: string, firstBytes = ""): string {
  return `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n${firstBytes}`;
}
