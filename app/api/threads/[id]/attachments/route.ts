import { getDb } from "@/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { pathSegment } from "@/lib/http/path-segment";
import { readUpload } from "@/lib/http/upload-route";
import { uploadAttachment } from "@/lib/messaging/attachments";

export const dynamic = "force-dynamic";

/** One composer file (`file`), stored and checked at once; it waits for the message that sends it. */
export const POST = jsonRoute(async (actor, request) => {
  const input = await readUpload(request);
  if (input instanceof Response) return input;
  return uploadAttachment(getDb(), actor, { files: input.files, threadId: pathSegment(request.url, 1) });
}, 201);
