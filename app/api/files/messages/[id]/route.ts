import { getDb } from "@/db/client";
import { currentActor } from "@/lib/auth/session";
import { answer503WhileDatabaseDown } from "@/lib/http/database-unavailable";
import { downloadResponse, refuseDownload } from "@/lib/http/download-response";
import { getMessageAttachmentForDownload } from "@/lib/messaging/attachments";

export const dynamic = "force-dynamic";

/** A file sent in a thread: authorized through the thread (404 for anyone not in it). */
export const GET = answer503WhileDatabaseDown(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await currentActor();
  if (!actor) return refuseDownload("Sign in to download files", 401);
  return downloadResponse(await getMessageAttachmentForDownload(getDb(), actor, (await params).id));
});
