import { getDb } from "@/db/client";
import { requestAssignment } from "@/lib/assignments/request-assignment";
import { jsonRoute } from "@/lib/http/json-route";
import { multipartToInput } from "@/lib/http/multipart";
import { refuseOversizedUpload } from "@/lib/http/upload-route";

export const dynamic = "force-dynamic";

// A request with its brief files, in one multipart POST so it is stored whole or not at all.
export const POST = jsonRoute(async (actor, request) => {
  const tooLarge = refuseOversizedUpload(request);
  if (tooLarge) return tooLarge;
  return requestAssignment(getDb(), actor, await multipartToInput(await request.formData()));
}, 201);
