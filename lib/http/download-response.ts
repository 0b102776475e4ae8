import { NextResponse } from "next/server";
import type { FileDownload } from "@/lib/assignments/get-file-for-download";
import type { ServiceResult } from "@/lib/errors";

// Nothing in a download may run, even if a browser renders it: no scripts, plugins, forms or
// same-origin access (sandbox), no loads (default-src), no framing (the site's frame-ancestors,
// repeated because next.config.ts leaves the download routes' policy to them).
const downloadPolicy = "default-src 'none'; sandbox; frame-ancestors 'none'";

export const refuseDownload = (error: string, status: number) => NextResponse.json({ error }, { status, headers: { "Content-Security-Policy": downloadPolicy } });

/** A stored file, always as an attachment, never sniffed; a refusal as 404 JSON. */
export function downloadResponse(result: ServiceResult<FileDownload>): Response {
  if (!result.ok) return refuseDownload(result.message, 404);
  const file = result.data;
  return new Response(file.body, {
    headers: {
      // Text is accepted only as UTF-8: saying so stops a browser guessing another charset.
      "Content-Type": file.mimeType === "text/plain" ? "text/plain; charset=utf-8" : file.mimeType,
      "Content-Length": String(file.size),
      "Content-Disposition": file.contentDisposition,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": downloadPolicy,
    },
  });
}
