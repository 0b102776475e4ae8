import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { getFileForDownload } from "@/lib/assignments/get-file-for-download";
import { currentActor } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Every file download: authorized through its assignment, always as an attachment, never sniffed. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return NextResponse.json({ error: "Sign in to download files" }, { status: 401 });
  const result = await getFileForDownload(getDb(), actor, (await params).id);
  if (!result.ok) return NextResponse.json({ error: result.message }, { status: 404 });
  const file = result.data;
  return new Response(file.body, {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.size),
      "Content-Disposition": file.contentDisposition,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
