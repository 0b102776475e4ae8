import type { FileType } from "./file-type";

const MAX_DISPLAY_LENGTH = 120;
const MAX_ORIGINAL_LENGTH = 255;

// Text under one of these names would be run or rendered by a double click; it is saved as .txt.
const riskyTextExtensions = new Set([
  "html", "htm", "xhtml", "shtml", "svg", "xml", "hta", "mht", "mhtml",
  "bat", "cmd", "com", "exe", "scr", "pif", "cpl", "msi", "lnk", "reg", "url",
  "vbs", "vbe", "jse", "wsf", "wsh", "ps1", "psm1", "scf", "desktop", "command",
]);

const windowsReserved = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/** Truncates by code points, never splitting a character, keeping the extension. */
function truncate(name: string, max: number): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  const extension = extensionOf(name);
  const tail = extension && extension.length < 16 ? `.${extension}` : "";
  return Array.from(name.slice(0, name.length - tail.length)).slice(0, max - tail.length).join("").trimEnd() + tail;
}

/** The name as sent, kept for the record: no NUL (PostgreSQL text cannot hold it), bounded length. */
export function originalFileName(name: string): string {
  return Array.from(name.replace(/\0/g, "")).slice(0, MAX_ORIGINAL_LENGTH).join("");
}

/** The last path part without control, bidi or reserved characters: safe to show in a message. */
export function cleanFileName(name: string): string {
  const clean = (name.split(/[/\\]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  if (!clean) return "file";
  return windowsReserved.test(clean) ? `_${clean}` : clean;
}

/**
 * A name fit to show and to suggest in Content-Disposition; storage never uses it.
 * Path parts, control and bidi characters go; an extension that contradicts the detected
 * content gets the right one appended ("thesis.exe" holding a PDF becomes "thesis.exe.pdf").
 */
export function sanitizeDisplayName(name: string, type: FileType): string {
  const clean = cleanFileName(name);
  const extension = extensionOf(clean);
  let suffix = "";
  if (type.text) {
    if (riskyTextExtensions.has(extension)) suffix = ".txt";
  } else if (!type.extensions.includes(extension)) {
    suffix = `.${type.extensions[0]}`;
  }
  return truncate(clean, MAX_DISPLAY_LENGTH - suffix.length) + suffix;
}
