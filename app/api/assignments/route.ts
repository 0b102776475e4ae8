import { getDb } from "@/db/client";
import { requestAssignment } from "@/lib/assignments/request-assignment";
import { jsonRoute } from "@/lib/http/json-route";
import { readUpload } from "@/lib/http/upload-route";

export const dynamic = "force-dynamic";

// A request with its brief files, in one multipart POST so it is stored whole or not at all.
export const POST = jsonRoute(async (actor, request) => {
  const input = await readUpload(request);
  if (input instanceof Response) return input;
  return requestAssignment(getDb(), actor, input);
}, 201);
