import type { IncomingFile } from "@/lib/storage/uploads";

/**
 * A multipart form as service input: text fields as strings, every file field under `files`.
 * Browsers send every line break in a form as CRLF; they are turned back into what was typed.
 */
export async function multipartToInput(form: FormData): Promise<Record<string, unknown> & { files: IncomingFile[] }> {
  const input: Record<string, unknown> = {};
  const files: IncomingFile[] = [];
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") {
      const text = value.replace(/\r\n/g, "\n");
      const existing = input[key];
      input[key] = existing === undefined ? text : [existing, text].flat();
    } else if (value.size > 0 || value.name) {
      files.push({ name: value.name, type: value.type || undefined, bytes: new Uint8Array(await value.arrayBuffer()) });
    }
  }
  return { ...input, files };
}
