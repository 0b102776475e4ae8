import { serverEnv } from "@/lib/env";
import type { Actor } from "@/lib/auth/actor";
import type { ServiceResult } from "@/lib/errors";
import { MAX_FILES_PER_UPLOAD } from "@/lib/storage/uploads";
import { bodyTooLarge, jsonRoute } from "./json-route";
import { multipartToInput } from "./multipart";

type Params = { params: Promise<{ id: string }> };

/** Refuses a body bigger than a full set of maximum-size files before reading any of it. */
export function refuseOversizedUpload(request: Request): Response | undefined {
  return bodyTooLarge(request, serverEnv().UPLOAD_MAX_BYTES * MAX_FILES_PER_UPLOAD + 1024 * 1024);
}

/**
 * A multipart POST about one assignment (its id from the URL): fields and files reach the
 * service together, so it stores all of them or none.
 */
export function assignmentUploadRoute<T>(service: (actor: Actor, input: Record<string, unknown>) => Promise<ServiceResult<T>>, successStatus = 201) {
  return async (request: Request, { params }: Params) => {
    const { id } = await params;
    return jsonRoute(async (actor, req) => {
      const tooLarge = refuseOversizedUpload(req);
      if (tooLarge) return tooLarge;
      const input = await multipartToInput(await req.formData());
      return service(actor, { ...input, assignmentId: id });
    }, successStatus)(request);
  };
}
