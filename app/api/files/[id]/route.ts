import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getFileForDownload } from "@/lib/assignments/get-file-for-download";
import { currentActor } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

// Nothing in a download may run, even if a browser renders it: no scripts, plugins, forms or
// same-origin access (sandbox), no loads (default-src), no framing (the site's frame-ancestors,
// repeated because next.config.ts leaves this route's policy to it).
const downloadPolicy = "default-src 'none'; sandbox; frame-ancestors 'none'";

const refusal = (error: string, status: number) => NextResponse.json({ error }, { status, headers: { "Content-Security-Policy": downloadPolicy } });

/** Every file download: authorized through its assignment, always as an attachment, never sniffed. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return refusal("Sign in to download files", 401);
  const result = await getFileForDownload(getDb(), actor, (await params).id);
  if (!result.ok) return refusal(result.message, 404);
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
