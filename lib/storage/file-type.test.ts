import { describe, expect, it } from "vitest";
import { fileTypes, sniffFileType } from "./file-type";

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === "string" ? [...Buffer.from(part, "latin1")] : part)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16 = (text: string) => [...Buffer.from(text, "utf16le")];

// A zip's first local file header: signature, 26 bytes of fields, then the entry name.
function zipEntry(name: string, content = ""): number[] {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(name.length, 26);
  return [...header, ...Buffer.from(name), ...Buffer.from(content)];
}

const typeOf = (input: Uint8Array) => {
  const result = sniffFileType(input);
  return result.ok ? result.type : undefined;
};

describe("sniffing a file's type from its content", () => {
  it("recognises documents whatever they are called", () => {
    expect(typeOf(bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"))).toBe(fileTypes.pdf);
    expect(typeOf(bytes("{\\rtf1\\ansi hello}"))).toBe(fileTypes.rtf);
    expect(typeOf(bytes(zipEntry("[Content_Types].xml"), zipEntry("word/document.xml")))).toBe(fileTypes.docx);
    expect(typeOf(bytes(zipEntry("[Content_Types].xml"), zipEntry("xl/workbook.xml")))).toBe(fileTypes.xlsx);
    expect(typeOf(bytes(zipEntry("[Content_Types].xml"), zipEntry("ppt/presentation.xml")))).toBe(fileTypes.pptx);
    expect(typeOf(bytes(zipEntry("mimetype", "application/vnd.oasis.opendocument.text")))).toBe(fileTypes.odt);
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)];
    expect(typeOf(bytes(ole, utf16("WordDocument")))).toBe(fileTypes.doc);
    expect(typeOf(bytes(ole, utf16("Workbook")))).toBe(fileTypes.xls);
  });

  it("recognises images and archives", () => {
    expect(typeOf(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toBe(fileTypes.png);
    expect(typeOf(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF"))).toBe(fileTypes.jpeg);
    expect(typeOf(bytes("GIF89a", [1, 0, 1, 0]))).toBe(fileTypes.gif);
    expect(typeOf(bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "))).toBe(fileTypes.webp);
    expect(typeOf(bytes(zipEntry("notes/week1.txt", "hello")))).toBe(fileTypes.zip);
    expect(typeOf(bytes([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]))).toBe(fileTypes.sevenZip);
    expect(typeOf(bytes([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]))).toBe(fileTypes.gzip);
    const tar = new Uint8Array(512);
    tar.set(utf8("ustar"), 257);
    tar.set(utf8("a.txt"), 0);
    expect(typeOf(tar)).toBe(fileTypes.tar);
  });

  it("accepts UTF-8 text, markdown, CSV and code, including scripts with #!", () => {
    for (const text of [
      "Plain notes, with accents: é, ü, 漢字",
      "# Title\n\n<!-- a comment -->\n* item",
      "<!-- toc -->\n# Heading",
      "name,score\nAda,10\n",
      "#!/usr/bin/env python3\nprint('hi')\n",
      "export const Page = () => <html><body /></html>;",
      "\uFEFFwith a byte order mark",
    ]) {
      expect(typeOf(utf8(text)), text).toBe(fileTypes.text);
    }
  });

  it("refuses programs, named as such", () => {
    const cases = [bytes([0x7f], "ELF", [2, 1, 1]), bytes("MZ", [0x90, 0]), bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0]), bytes([0xca, 0xfe, 0xba, 0xbe]), bytes([0, 0x61, 0x73, 0x6d, 1])];
    for (const program of cases) expect(sniffFileType(program)).toEqual({ ok: false, reason: "is a program; executables are not accepted" });
  });

  it("refuses HTML, SVG and XML with script, even behind a leading comment", () => {
    for (const text of [
      "<!DOCTYPE html><html><body>hi</body></html>",
      "   <script>alert(1)</script>",
      "<!-- innocent --> <svg onload=alert(1)>",
      "<p>hello</p>",
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ]) {
      expect(sniffFileType(utf8(text)), text).toMatchObject({ ok: false, reason: expect.stringMatching(/HTML/) });
    }
    expect(typeOf(utf8('<?xml version="1.0"?><data><row>1</row></data>'))).toBe(fileTypes.text);
  });

  it("refuses empty files, unknown binaries, invalid UTF-8 and other OLE containers (MSI)", () => {
    expect(sniffFileType(new Uint8Array())).toEqual({ ok: false, reason: "is empty" });
    expect(sniffFileType(bytes("abc", [0], "def")).ok).toBe(false);
    expect(sniffFileType(bytes([0xc3, 0x28, 0x41])).ok).toBe(false);
    const msi = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array(504).fill(0), utf16("SummaryInformation"));
    expect(sniffFileType(msi)).toMatchObject({ ok: false, reason: expect.stringMatching(/Office container/) });
  });
});
