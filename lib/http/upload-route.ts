import { serverEnv } from "@/lib/env";
import type { Actor } from "@/lib/auth/actor";
import type { ServiceResult } from "@/lib/errors";
import { MAX_FILES_PER_UPLOAD } from "@/lib/storage/uploads";
import { jsonRoute } from "./json-route";
import { readMultipart, type MultipartInput, type MultipartLimits } from "./multipart";
import { refuseBody } from "./read-body";

type Params = { params: Promise<{ id: string }> };

// The upload forms have at most a few dozen fields; the longest (a typed solution of 200,000
// characters) fits in 1 MB of UTF-8.
const MAX_FORM_FIELDS = 50;
const MAX_FIELD_BYTES = 1024 * 1024;
const FIELDS_AND_FRAMING_BYTES = 2 * 1024 * 1024;

/** What one upload request may carry: a full set of maximum-size files plus the form's fields. */
export function uploadLimits(): MultipartLimits {
  const fileBytes = serverEnv().UPLOAD_MAX_BYTES;
  return { fileBytes, files: MAX_FILES_PER_UPLOAD, fields: MAX_FORM_FIELDS, fieldBytes: MAX_FIELD_BYTES, totalBytes: fileBytes * MAX_FILES_PER_UPLOAD + FIELDS_AND_FRAMING_BYTES };
}

/** The upload's fields and files, or the 4xx answer that refuses it (nothing read past a limit). */
export async function readUpload(request: Request): Promise<MultipartInput | Response> {
  const read = await readMultipart(request, uploadLimits());
  return read.ok ? read.input : refuseBody(request, read);
}

/**
 * A multipart POST about one assignment (its id from the URL): fields and files reach the
 * service together, so it stores all of them or none.
 */
export function assignmentUploadRoute<T>(service: (actor: Actor, input: Record<string, unknown>) => Promise<ServiceResult<T>>, successStatus = 201) {
  return async (request: Request, { params }: Params) => {
    const { id } = await params;
    return jsonRoute(async (actor, req) => {
      const input = await readUpload(req);
      if (input instanceof Response) return input;
      return service(actor, { ...input, assignmentId: id });
    }, successStatus)(request);
  };
}
