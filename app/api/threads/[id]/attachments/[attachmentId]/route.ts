import { getDb } from "@/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { pathSegment } from "@/lib/http/path-segment";
import { removePendingAttachment } from "@/lib/messaging/attachments";

export const dynamic = "force-dynamic";

/** Takes an unsent file out of the composer. */
export const DELETE = jsonRoute(async (actor, request) => removePendingAttachment(getDb(), actor, { threadId: pathSegment(request.url, 2), attachmentId: pathSegment(request.url, 0) }));
