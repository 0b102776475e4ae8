import busboy from "busboy";
import { cleanFileName } from "@/lib/storage/sanitize-name";
import { formatBytes, type IncomingFile } from "@/lib/storage/uploads";
import { declaredLength, pumpBody } from "./body-stream";
import { tooLarge, unreadable, unsupportedType, type BodyRefusal } from "./read-body";

export type MultipartLimits = {
  /** Bytes in one file. */
  fileBytes: number;
  files: number;
  fields: number;
  /** Bytes in one text field. */
  fieldBytes: number;
  /** Bytes in the whole body, framing included. */
  totalBytes: number;
};

export type MultipartInput = Record<string, unknown> & { files: IncomingFile[] };

const isMultipartForm = (contentType: string) => /^multipart\/form-data\s*(;|$)/i.test(contentType.trim());

// busboy's own words for a body that does not parse, in the client's terms.
function parseFailure(error: unknown): BodyRefusal {
  const message = error instanceof Error ? error.message : "";
  if (/unexpected end/i.test(message)) return unreadable("The form ended before it was complete: the upload was cut short or its boundary does not match.");
  if (/malformed part header/i.test(message)) return unreadable("The form has a malformed part header.");
  return unreadable("The form could not be read.");
}

// busboy decodes text as UTF-8 and puts U+FFFD where the bytes were not; a browser never sends
// that, so the bytes were not text and nothing is stored under a name nobody typed.
const notUtf8 = (text: string) => text.includes("\uFFFD");

function joined(chunks: readonly Buffer[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Resolves once the parser has dealt with the chunk (or is gone), so the next chunk is pulled
 * only after this one's limits were checked.
 */
function written(parser: busboy.Busboy, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      parser.off("close", done);
      resolve();
    };
    parser.once("close", done);
    parser.write(chunk, done);
  });
}

/**
 * A multipart form as service input, parsed as it streams in: text fields as strings (browsers
 * send every line break as CRLF; they are turned back into what was typed), every file under
 * `files`. Reading stops at the first limit passed or the first malformed byte, so a refused
 * upload costs at most its limit in memory and nothing is handed on.
 */
export async function readMultipart(request: Request, limits: MultipartLimits): Promise<{ ok: true; input: MultipartInput } | BodyRefusal> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!isMultipartForm(contentType)) return unsupportedType("Send the form as multipart/form-data.");
  if ((declaredLength(request.headers) ?? 0) > limits.totalBytes) return tooLarge(`The upload is larger than ${formatBytes(limits.totalBytes)} in all.`);

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      // Browsers send file names as raw UTF-8, not Latin-1.
      defParamCharset: "utf8",
      // busboy stops at its limit even when a file is exactly that size; one byte more means over ours.
      limits: { fileSize: limits.fileBytes + 1, files: limits.files, fields: limits.fields, fieldSize: limits.fieldBytes + 1, headerPairs: 20 },
    });
  } catch {
    return unsupportedType("The multipart/form-data content type has no boundary.");
  }

  const fields = new Map<string, unknown>(); // a Map, so a field named "__proto__" is only a name
  const files: IncomingFile[] = [];
  let refusal: BodyRefusal | undefined;
  const refuse = (reason: BodyRefusal) => {
    refusal ??= reason;
    parser.destroy();
  };

  parser.on("field", (name, value, info) => {
    if (info.valueTruncated) return refuse(tooLarge(`The field “${name.slice(0, 60)}” is longer than ${formatBytes(limits.fieldBytes)}.`));
    // PostgreSQL text cannot hold NUL; no form field has a use for it.
    if (value.includes("\0")) return refuse(unreadable(`The field “${name.slice(0, 60)}” contains a NUL character.`));
    if (notUtf8(name) || notUtf8(value)) return refuse(unreadable(`The field “${name.slice(0, 60)}” is not valid UTF-8 text.`));
    const text = value.replace(/\r\n/g, "\n");
    const existing = fields.get(name);
    fields.set(name, existing === undefined ? text : [existing, text].flat());
  });
  parser.on("file", (_name, stream, info) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fileName = info.filename ?? "";
    stream.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
    });
    stream.on("limit", () => refuse(tooLarge(`“${Array.from(cleanFileName(fileName)).slice(0, 60).join("")}” is larger than ${formatBytes(limits.fileBytes)}.`)));
    // Destroyed with the parser on a refusal, which is already recorded.
    stream.on("error", () => undefined);
    if (notUtf8(fileName)) return refuse(unreadable("A file name is not valid UTF-8 text."));
    stream.on("end", () => {
      // A file input left empty arrives as a nameless, empty part.
      if (size > 0 || fileName) files.push({ name: fileName, type: info.mimeType || undefined, bytes: joined(chunks, size) });
    });
  });
  parser.on("filesLimit", () => refuse(tooLarge(`Attach at most ${limits.files} files at a time.`)));
  parser.on("fieldsLimit", () => refuse(tooLarge(`The form has more than ${limits.fields} fields.`)));
  parser.on("error", (error) => refuse(parseFailure(error)));
  const closed = new Promise<void>((resolve) => parser.once("close", resolve));

  const pumped = await pumpBody(request.body, limits.totalBytes, async (chunk) => {
    if (refusal) return "stop";
    await written(parser, chunk);
    return refusal ? "stop" : "more";
  });
  if (pumped.outcome === "too_large") refuse(tooLarge(`The upload is larger than ${formatBytes(limits.totalBytes)} in all.`));
  else if (pumped.outcome === "unreadable") refuse(unreadable("The upload was interrupted before it was complete."));
  else if (pumped.outcome === "done" && !refusal) parser.end();
  await closed;
  if (refusal) return refusal;
  return { ok: true, input: { ...Object.fromEntries(fields), files } };
}
