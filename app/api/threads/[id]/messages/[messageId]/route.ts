import { getDb } from "@/db/client";
import { jsonRoute } from "@/lib/http/json-route";
import { readJsonObject } from "@/lib/http/json-object";
import { pathSegment } from "@/lib/http/path-segment";
import { deleteMessage, editMessage } from "@/lib/messaging/edit-message";

export const dynamic = "force-dynamic";

const MAX_EDIT_BYTES = 128 * 1024;

const ref = (request: Request) => ({ threadId: pathSegment(request.url, 2), messageId: pathSegment(request.url, 0) });

/** `{ body }`: the author's edit within the window. */
export const PATCH = jsonRoute(async (actor, request) => {
  const input = await readJsonObject(request, MAX_EDIT_BYTES);
  if (input instanceof Response) return input;
  return editMessage(getDb(), actor, { ...input, ...ref(request) });
});

/** The author's delete within the window: a tombstone stays. */
export const DELETE = jsonRoute(async (actor, request) => deleteMessage(getDb(), actor, ref(request)));
