import { findWebMarkup } from "./web-markup";

/**
 * File types judged from the bytes, never from the name or the browser's claimed type.
 * Accepted: documents (PDF, Office, OpenDocument, RTF), images (PNG, JPEG, GIF, WebP), archives
 * (zip, 7z, gzip, tar, bzip2, xz, rar) and UTF-8 text (notes, markdown, CSV, code).
 * Refused: programs (ELF, PE, Mach-O, WebAssembly, Java class), text that is or carries web
 * markup (the rules are in web-markup.ts), UTF-16 text, OLE files that are not Word/Excel/PowerPoint
 * (MSI installers share that container), and any binary we do not recognise.
 * Code and scripts (with or without `#!`) are accepted as text on purpose: students send code. They
 * are stored as text/plain and downloaded under a name no OS runs on a double click
 * (sanitize-name.ts), and a downloaded file is never executable without the user's own chmod.
 * Archives are not opened: their contents are the recipient's to judge, like an email attachment.
 */
export type FileType = { mime: string; label: string; extensions: readonly string[]; text: boolean };
export type SniffResult = { ok: true; type: FileType } | { ok: false; reason: string };

const t = (mime: string, label: string, extensions: string[], text = false): FileType => ({ mime, label, extensions, text });

export const fileTypes = {
  pdf: t("application/pdf", "PDF document", ["pdf"]),
  docx: t("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document", ["docx", "docm", "dotx"]),
  xlsx: t("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel workbook", ["xlsx", "xlsm", "xltx"]),
  pptx: t("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint presentation", ["pptx", "pptm", "ppsx"]),
  odt: t("application/vnd.oasis.opendocument.text", "OpenDocument text", ["odt"]),
  ods: t("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet", ["ods"]),
  odp: t("application/vnd.oasis.opendocument.presentation", "OpenDocument presentation", ["odp"]),
  zip: t("application/zip", "Zip archive", ["zip"]),
  doc: t("application/msword", "Word 97–2003 document", ["doc", "dot"]),
  xls: t("application/vnd.ms-excel", "Excel 97–2003 workbook", ["xls", "xlt"]),
  ppt: t("application/vnd.ms-powerpoint", "PowerPoint 97–2003 presentation", ["ppt", "pps"]),
  rtf: t("application/rtf", "Rich text document", ["rtf"]),
  png: t("image/png", "PNG image", ["png"]),
  jpeg: t("image/jpeg", "JPEG image", ["jpg", "jpeg", "jfif"]),
  gif: t("image/gif", "GIF image", ["gif"]),
  webp: t("image/webp", "WebP image", ["webp"]),
  sevenZip: t("application/x-7z-compressed", "7-Zip archive", ["7z"]),
  gzip: t("application/gzip", "Gzip archive", ["gz", "tgz"]),
  tar: t("application/x-tar", "Tar archive", ["tar"]),
  bzip2: t("application/x-bzip2", "Bzip2 archive", ["bz2", "tbz2"]),
  xz: t("application/x-xz", "XZ archive", ["xz", "txz"]),
  rar: t("application/vnd.rar", "RAR archive", ["rar"]),
  text: t("text/plain", "Text file", [], true),
} as const satisfies Record<string, FileType>;

/** The type a stored file was accepted as; an unknown type is treated as text, the strictest name rule. */
export function fileTypeOfMime(mime: string): FileType {
  return Object.values(fileTypes).find((type) => type.mime === mime) ?? fileTypes.text;
}

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const utf16 = (text: string) => Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0), 0]));

function startsWith(bytes: Uint8Array, signature: readonly number[] | Uint8Array, offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[offset + i] !== signature[i]) return false;
  return true;
}

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) !== -1;
}

const executables: [readonly number[], number][] = [
  [[0x7f, 0x45, 0x4c, 0x46], 0], // ELF
  [[0x4d, 0x5a], 0], // PE (MZ)
  [[0xfe, 0xed, 0xfa, 0xce], 0], // Mach-O 32
  [[0xfe, 0xed, 0xfa, 0xcf], 0], // Mach-O 64
  [[0xce, 0xfa, 0xed, 0xfe], 0],
  [[0xcf, 0xfa, 0xed, 0xfe], 0],
  [[0xca, 0xfe, 0xba, 0xbe], 0], // Mach-O universal, also Java class
  [[0x00, 0x61, 0x73, 0x6d], 0], // WebAssembly
];

const fixed: [readonly number[] | Uint8Array, number, FileType][] = [
  [ascii("%PDF-"), 0, fileTypes.pdf],
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0, fileTypes.png],
  [[0xff, 0xd8, 0xff], 0, fileTypes.jpeg],
  [ascii("GIF87a"), 0, fileTypes.gif],
  [ascii("GIF89a"), 0, fileTypes.gif],
  [ascii("{\\rtf"), 0, fileTypes.rtf],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 0, fileTypes.sevenZip],
  [[0x1f, 0x8b, 0x08], 0, fileTypes.gzip],
  [ascii("BZh"), 0, fileTypes.bzip2],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 0, fileTypes.xz],
  [ascii("Rar!\x1a\x07"), 0, fileTypes.rar],
  [ascii("ustar"), 257, fileTypes.tar],
];

function sniffZip(bytes: Uint8Array): FileType {
  // OpenDocument stores its type uncompressed as the first entry, named "mimetype".
  if (startsWith(bytes, ascii("mimetype"), 30)) {
    const declared = new TextDecoder().decode(bytes.subarray(38, 38 + 60));
    if (declared.startsWith(fileTypes.odt.mime)) return fileTypes.odt;
    if (declared.startsWith(fileTypes.ods.mime)) return fileTypes.ods;
    if (declared.startsWith(fileTypes.odp.mime)) return fileTypes.odp;
  }
  // Entry names are stored uncompressed in the local headers and the central directory.
  if (contains(bytes, ascii("word/document.xml"))) return fileTypes.docx;
  if (contains(bytes, ascii("xl/workbook.xml"))) return fileTypes.xlsx;
  if (contains(bytes, ascii("ppt/presentation.xml"))) return fileTypes.pptx;
  return fileTypes.zip;
}

function sniffOle(bytes: Uint8Array): FileType | undefined {
  // Stream names in the OLE directory are UTF-16LE.
  if (contains(bytes, utf16("WordDocument"))) return fileTypes.doc;
  if (contains(bytes, utf16("Workbook")) || contains(bytes, utf16("Book"))) return fileTypes.xls;
  if (contains(bytes, utf16("PowerPoint Document"))) return fileTypes.ppt;
  return undefined;
}

const markupRefusal = (finding: string): SniffResult => ({
  ok: false,
  reason: `contains HTML, SVG or XML markup that a browser would render (${finding}); send it inside a zip archive instead`,
});

function sniffText(bytes: Uint8Array): SniffResult {
  // UTF-16 text (Notepad's "Unicode") is full of NUL bytes: decode it to name any markup it hides.
  const wide = startsWith(bytes, [0xff, 0xfe]) ? "utf-16le" : startsWith(bytes, [0xfe, 0xff]) ? "utf-16be" : undefined;
  if (wide) {
    const finding = findWebMarkup(new TextDecoder(wide).decode(bytes));
    return finding ? markupRefusal(finding) : { ok: false, reason: "is UTF-16 text; save it as UTF-8 and upload it again" };
  }
  if (bytes.includes(0)) return { ok: false, reason: "is a binary file of a type we do not accept" };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: "is a binary file of a type we do not accept" };
  }
  const finding = findWebMarkup(text);
  return finding ? markupRefusal(finding) : { ok: true, type: fileTypes.text };
}

export function sniffFileType(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return { ok: false, reason: "is empty" };
  if (executables.some(([signature, offset]) => startsWith(bytes, signature, offset))) {
    return { ok: false, reason: "is a program; executables are not accepted" };
  }
  for (const [signature, offset, type] of fixed) if (startsWith(bytes, signature, offset)) return { ok: true, type };
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return { ok: true, type: fileTypes.webp };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { ok: true, type: sniffZip(bytes) };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const type = sniffOle(bytes);
    return type ? { ok: true, type } : { ok: false, reason: "is an Office container of a kind we do not accept" };
  }
  return sniffText(bytes);
}
