import { declaredLength, pumpBody } from "./body-stream";

/**
 * The body of a server action post, checked in proxy.ts before Next decodes it. Next's action
 * handler answers 500 (and logs errors, some uncaught) for any body React's `decodeReply` cannot
 * take: empty, cut short, not multipart, not JSON, or JSON that is not the arguments array. Such a
 * body is always the client's doing, so it is refused here with a 4xx and a reason.
 *
 * What a browser sends (React's `encodeReply` of the action's arguments, posted by Next's client
 * with a `Next-Action` header): the arguments array as JSON under text/plain, or, when they hold a
 * FormData, file or other outlined value, multipart/form-data with that JSON in the field "0" and
 * the form's fields as "_1_<name>" (written before "0"). A form posted without JavaScript has no
 * `Next-Action` header and names its action in `$ACTION_…` fields instead.
 *
 * Not checked (they need Next's manifest): whether a well-formed action id exists (Next answers
 * 409 and warns) and whether a server reference passed as an argument exists.
 */

/** Next's `serverActions.bodySizeLimit`, unset in next.config.ts: 1 MB. Keep in step. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

/** Next refuses an action with more arguments than this (and answers 500). */
const ACTION_ARGS_LIMIT = 1000;

export type ActionBodyCheck = { ok: true } | { ok: false; status: 400 | 413 | 415; reason: string };

const invalid = { ok: false, status: 400, reason: "The request body is not a valid form submission." } as const;
const size = (bytes: number) => (bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${Math.floor(bytes / 1024)} KB`);
const tooLarge = (maxBytes: number) => ({ ok: false, status: 413, reason: `The request body is larger than ${size(maxBytes)}.` }) as const;

// Next's own test of an action id (server-reference-info: mightBeServerReferenceId): its length.
const ACTION_ID_LENGTH = 42;
const isActionId = (id: string) => id.length === ACTION_ID_LENGTH;
const unknownAction = { ok: false, status: 400, reason: "The request names no valid server action." } as const;

// Next's own test (server-action-request-meta): case-sensitive, on the raw header.
const isMultipart = (contentType: string) => contentType.startsWith("multipart/form-data");
const mediaType = (contentType: string) => contentType.split(";")[0]!.trim().toLowerCase();
const hasBoundary = (contentType: string) => /;\s*boundary\s*=\s*("[^"]+"|[^\s;]+)/i.test(contentType);

/**
 * Reads the body of a possible server action post (counting bytes as they arrive, never past
 * `maxBytes`) and says whether Next can decode it. Other posts (urlencoded, which Next ignores) pass.
 * The body is consumed: in proxy.ts Next hands the page its own buffered copy.
 */
export async function checkActionBody(request: Request, maxBytes = ACTION_BODY_LIMIT): Promise<ActionBodyCheck> {
  const contentType = request.headers.get("content-type") ?? "";
  const isFetchAction = request.headers.has("next-action");
  const multipart = isMultipart(contentType);
  if (!isFetchAction && !multipart) return { ok: true };
  if (isFetchAction && !isActionId(request.headers.get("next-action")!)) return unknownAction;
  if (!multipart && mediaType(contentType) !== "text/plain") {
    return { ok: false, status: 415, reason: "Send a server action as multipart/form-data or text/plain." };
  }
  if (multipart && !hasBoundary(contentType)) return { ok: false, status: 415, reason: "The multipart body has no boundary." };
  if ((declaredLength(request.headers) ?? 0) > maxBytes) return tooLarge(maxBytes);

  const chunks: Uint8Array[] = [];
  const pumped = await pumpBody(request.body, maxBytes, (chunk) => {
    chunks.push(chunk);
    return "more";
  });
  if (pumped.outcome === "too_large") return tooLarge(maxBytes);
  if (pumped.outcome !== "done") return invalid;
  const bytes = new Uint8Array(pumped.bytes);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }

  // Next decodes a text body as UTF-8 with replacement characters, as TextDecoder does.
  if (!multipart) return isReply(new TextDecoder().decode(bytes), undefined) ? { ok: true } : invalid;
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
  } catch {
    return invalid; // empty, cut short, or not multipart at all
  }
  if (!isFetchAction) return namesActions(form) ? { ok: true } : unknownAction;
  const root = form.get("0");
  return typeof root === "string" && isReply(root, form) ? { ok: true } : invalid;
}

/**
 * A form posted without JavaScript names its action in `$ACTION_ID_<id>` (or, with bound
 * arguments, `$ACTION_REF_<n>` and a `$ACTION_<n>:0` descriptor `{"id":"<id>",…}`): the checks of
 * Next's areAllActionIdsValid that need no manifest. Next refuses the rest too, but logs an error.
 */
function namesActions(form: FormData): boolean {
  let named = false;
  let refs = 0;
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION_ID_")) {
      if (!isActionId(key.slice("$ACTION_ID_".length))) return false;
      named = true;
    } else if (key.startsWith("$ACTION_REF_")) {
      if (++refs > 2) return false;
      const descriptors = form.getAll(`$ACTION_${key.slice("$ACTION_REF_".length)}:0`);
      const descriptor = descriptors[0];
      if (descriptors.length !== 1 || typeof descriptor !== "string" || !descriptor.startsWith('{"id":"')) return false;
      const end = descriptor.indexOf('"', 7);
      if (end === -1 || !isActionId(descriptor.slice(7, end))) return false;
      named = true;
    }
  }
  return named;
}

/**
 * React's reference strings that point at another part of the reply (`$@1`, `$Q2`, `$B3`, `$4:key`…),
 * the part's id in hex; `$K<id>` names the prefix of a FormData's fields. `$$` escapes a `$`.
 */
const partReference = /^\$([@hQWiABOoUSsLlGgMmVRrXx]?)([0-9a-f]+)(?::|$)/;
const formReference = /^\$K[0-9a-f]+$/;
// Parts React writes as JSON models; the others are blobs, typed arrays and stream rows.
const jsonParts = new Set(["", "@", "h", "Q", "W", "i"]);

/**
 * The reply React's `decodeReply` can take: the root is the arguments array (JSON), and every
 * part it refers to is there (a missing one fails the whole decode). A multipart reply exists only
 * because something was outlined into parts, so its root refers to at least one.
 */
function isReply(rootText: string, form: FormData | undefined): boolean {
  const root = parseJson(rootText);
  if (!Array.isArray(root) || root.length > ACTION_ARGS_LIMIT) return false;
  const seen = new Set<string>();
  let references = 0;
  const pending: unknown[] = [root];
  while (pending.length) {
    const value = pending.pop();
    if (typeof value === "string") {
      if (!value.startsWith("$") || value.startsWith("$$")) continue;
      if (formReference.test(value)) {
        references++;
        continue;
      }
      const match = partReference.exec(value);
      if (!match) continue; // inline values: $u, $D…, $n…, $I, $-0, $T
      references++;
      const id = String(parseInt(match[2]!, 16));
      if (seen.has(`${match[1]}${id}`)) continue;
      seen.add(`${match[1]}${id}`);
      const part = form?.get(id);
      if (part === null || part === undefined) return false;
      if (jsonParts.has(match[1]!)) {
        if (typeof part !== "string") return false;
        const model = parseJson(part);
        if (model === undefined) return false;
        pending.push(model);
      }
    } else if (Array.isArray(value)) {
      pending.push(...value);
    } else if (value !== null && typeof value === "object") {
      pending.push(...Object.values(value));
    }
  }
  return form === undefined || references > 0;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
