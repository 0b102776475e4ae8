import { fileTypeOfMime, type FileType } from "./file-type";

const MAX_DISPLAY_LENGTH = 120;
const MAX_ORIGINAL_LENGTH = 255;

/**
 * Text keeps its extension only when no operating system runs or renders that kind of file on a
 * double click: notes, data and documents that open in an editor, and source code that needs a
 * compiler first. Every other extension gets ".txt" appended ("solution.js" is saved as
 * "solution.js.txt"), so a student's code opens in an editor and never runs: on Windows .js, .jse,
 * .vbs, .wsf, .hta, .bat, .cmd, .ps1 and .py run with a double click, on macOS .command,
 * .applescript and .terminal, on Linux .desktop and .sh in some file managers. An allowlist, not a
 * list of known script types, so an extension nobody thought of (.settingcontent-ms was one) is
 * covered too. CSV stays CSV: spreadsheets warn before they follow a formula's external link.
 */
const inertTextExtensions = new Set([
  "txt", "text", "md", "markdown", "rst", "adoc", "tex", "bib", "log", "diff", "patch",
  "csv", "tsv", "json", "ipynb", "yaml", "yml", "toml",
  "c", "h", "cc", "cpp", "cxx", "hh", "hpp", "hxx", "java", "cs", "go", "rs", "kt", "swift", "scala", "sql", "asm", "s",
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
 * content gets the right one appended ("thesis.exe" holding a PDF becomes "thesis.exe.pdf"), and
 * text under a name an OS would run gets ".txt" ("run.bat" becomes "run.bat.txt"). Idempotent, so
 * downloads apply it again to names stored under older rules.
 */
export function sanitizeDisplayName(name: string, type: FileType): string {
  const clean = cleanFileName(name);
  const extension = extensionOf(clean);
  let suffix = "";
  if (type.text) {
    if (extension && !inertTextExtensions.has(extension)) suffix = ".txt";
  } else if (!type.extensions.includes(extension)) {
    suffix = `.${type.extensions[0]}`;
  }
  return truncate(clean, MAX_DISPLAY_LENGTH - suffix.length) + suffix;
}

/** The name a stored file is downloaded under, from its stored name and type. */
export function downloadFileName(storedName: string, mimeType: string): string {
  return sanitizeDisplayName(storedName, fileTypeOfMime(mimeType));
}
