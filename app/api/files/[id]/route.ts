import { getDb } from "@/db/client";
import { getFileForDownload } from "@/lib/assignments/get-file-for-download";
import { currentActor } from "@/lib/auth/session";
import { answer503WhileDatabaseDown } from "@/lib/http/database-unavailable";
import { downloadResponse, refuseDownload } from "@/lib/http/download-response";

export const dynamic = "force-dynamic";

/** Every assignment file download: authorized through its assignment. */
export const GET = answer503WhileDatabaseDown(async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await currentActor();
  if (!actor) return refuseDownload("Sign in to download files", 401);
  return downloadResponse(await getFileForDownload(getDb(), actor, (await params).id));
});
