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

  it("accepts UTF-8 text, Markdown, CSV, LaTeX, JSON and code, including scripts with #!", () => {
    const benign: [string, string][] = [
      ["prose with accents", "Plain notes, with accents: é, ü, 漢字"],
      ["a comparison", "Show that a < b and b > c implies nothing about a and c; also x<y, 3 <4."],
      ["Markdown with a comment", "# Title\n\n<!-- a comment -->\n* item"],
      ["Markdown opening with a comment", "<!-- toc -->\n# Heading"],
      ["Markdown with harmless inline HTML", "# Lab\n\n<img src=\"plot.png\" width=\"300\"> and <a href=\"https://example.org\">source</a>\n<details><summary>More</summary>x</details>"],
      ["CSV", "name,score\nAda,10\n\"<b>\",3\n"],
      ["a Python script", "#!/usr/bin/env python3\nfor i in range(10):\n    if i<n and one == 1:\n        print('hi')  # i > 0\n"],
      ["JavaScript", "const ok = (a, b) => a<b && b>0;\nfor (let i = 0; i<items.length; i++) { el.onclick = go; }\ndocument.title = 'Done';\n"],
      ["C with pointers", "for (int i=0;i<n;i++) { p->next = q; if (x<y) online = 1; }\n"],
      ["C", "#include <stdio.h>\n#include <math.h>\nint main(void) { for (int i = 0; i < 3; i++) printf(\"%d\\n\", i); return 0; }\n"],
      ["C++ and Java generics", "template <typename T> T max(T a, T b);\nList<Object> items = new ArrayList<Object>();\nMap<String, Object> m;\n"],
      ["PHP with no page markup", "<?php\n$total = $cart->sum();\necho $total > 10 ? 'big' : 'small';\n"],
      ["LaTeX", "\\documentclass{article}\n\\begin{document}\n$a < b$ and $\\langle x \\rangle$\n\\end{document}\n"],
      ["JSON", '{"name": "<Ada>", "scores": [1, 2], "url": "https://example.org"}'],
      ["plain XML data", '<?xml version="1.0"?><data><row>1</row></data>'],
      ["a UTF-8 byte order mark", "\uFEFFwith a byte order mark"],
    ];
    for (const [label, text] of benign) expect(typeOf(utf8(text)), label).toBe(fileTypes.text);
  });

  it("refuses programs, named as such", () => {
    const cases = [bytes([0x7f], "ELF", [2, 1, 1]), bytes("MZ", [0x90, 0]), bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0]), bytes([0xca, 0xfe, 0xba, 0xbe]), bytes([0, 0x61, 0x73, 0x6d, 1])];
    for (const program of cases) expect(sniffFileType(program)).toEqual({ ok: false, reason: "is a program; executables are not accepted" });
  });

  it("refuses HTML, SVG and XML whatever comes before the markup, and markup that runs anywhere", () => {
    const hostile: [string, Uint8Array][] = [
      ["a page", utf8("<!DOCTYPE html><html><body>hi</body></html>")],
      ["script after whitespace", utf8("   \n\t<script>alert(1)</script>")],
      ["svg after a comment", utf8("<!-- innocent --> <svg onload=alert(1)>")],
      ["html after a comment", utf8("<!-- a -->\n<!-- b --><html><p>x</p></html>")],
      ["a tag hidden behind an abruptly closed comment", utf8("<!--> <p>phish</p> -->\n# notes")],
      ["any leading tag", utf8("<p>hello</p>")],
      ["a leading end tag", utf8("</p>hello")],
      ["meta before script", utf8('<meta charset="utf-8"><script>alert(1)</script>')],
      ["an image with onerror", utf8("<img src=x onerror=alert(1)>")],
      ["onerror glued to a quoted value", utf8('Notes\n<img src="x"onerror=alert(1)>')],
      ["onerror after a quoted >", utf8('Notes <img alt=">" onerror=alert(1)>')],
      ["a handler after a slash", utf8("Notes <p/onclick=alert(1)>x</p>")],
      ["a handler on an odd tag name", utf8("Notes <a:b tabindex=1 autofocus onfocus=alert(1)>x")],
      ["mixed-case tags", utf8("<ScRiPt>alert(1)</sCrIpT>")],
      ["mixed-case handler in text", utf8("Hello <IMG SRC=x OnErRoR=alert(1)>")],
      ["script in the middle of notes", utf8("# Notes\n\nSee below.\n<script>steal()</script>")],
      ["a javascript: link", utf8('Click <a href="java\tscript:alert(1)">here</a>')],
      ["an encoded javascript: link", utf8('Click <a href="&#106;avascript&colon;alert(1)">here</a>')],
      ["an HTML data: URL", utf8("Open <a href=data:text/html;base64,PHNjcmlwdD4=>this</a>")],
      ["a Markdown javascript: link", utf8("[click](javascript:alert(1))")],
      ["an object with data", utf8('Read <object data="evil.html"></object>')],
      ["a meta refresh", utf8('Hi <meta http-equiv="refresh" content="0;url=https://evil.example">')],
      ["a BOM before markup", utf8("\uFEFF<html><script>alert(1)</script>")],
      ["zero-width spaces before markup", utf8("\u200B\u00A0<img src=x onerror=alert(1)>")],
      ["a PHP block before the page", utf8("<?php session_start(); ?>\n<html><body>x</body></html>")],
      ["an XML declaration after a comment", utf8('<!-- x --><?xml version="1.0"?><p>hello</p>')],
      ["a leading CDATA section", utf8("<![CDATA[x]]><p>y</p>")],
      ["an SVG DOCTYPE", utf8('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
      ["XML, DOCTYPE, SVG", utf8('<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd"><svg onload="alert(1)"/>')],
      ["XML with script", utf8('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
      ["XML entities hiding a script", utf8('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x "&#60;x:script xmlns:x=&#34;http://www.w3.org/1999/xhtml&#34;&#62;alert(1)&#60;/x:script&#62;">]><r>&x;</r>')],
      ["a prefixed XHTML script", utf8('<?xml version="1.0"?><r><x:script xmlns:x="http://www.w3.org/1999/&#120;html">alert(1)</x:script></r>')],
      ["an XSLT stylesheet", utf8('<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="evil.xsl"?><r/>')],
      ["UTF-16LE HTML", bytes([0xff, 0xfe], utf16("<html><script>alert(1)</script></html>"))],
      ["UTF-16BE HTML", Uint8Array.from([0xfe, 0xff, ...Buffer.from("<svg onload=alert(1)>", "utf16le").swap16()])],
    ];
    for (const [label, input] of hostile) {
      expect(sniffFileType(input), label).toMatchObject({ ok: false, reason: expect.stringMatching(/^contains HTML, SVG or XML markup that a browser would render \(.+\); send it inside a zip archive instead$/) });
    }
  });

  it("says what it found, so the uploader can fix it", () => {
    const reason = (text: string) => {
      const result = sniffFileType(utf8(text));
      return result.ok ? undefined : result.reason;
    };
    expect(reason("<img src=x onerror=alert(1)>")).toContain("(it starts with markup)");
    expect(reason("Hi <img src=x onerror=alert(1)>")).toContain("(an onerror attribute)");
    expect(reason("Hi <SCRIPT>x</SCRIPT>")).toContain("(a <script> tag)");
    expect(reason('Hi <a href="javascript:x()">y</a>')).toContain("(a script link)");
    expect(reason("Hi <iframe src=x></iframe>")).toContain("(an <iframe> tag)");
  });

  it("refuses UTF-16 text and text with NUL bytes instead of guessing", () => {
    expect(sniffFileType(bytes([0xff, 0xfe], utf16("plain notes")))).toEqual({ ok: false, reason: "is UTF-16 text; save it as UTF-8 and upload it again" });
    expect(sniffFileType(utf8("<scr\0ipt>alert(1)</script>"))).toEqual({ ok: false, reason: "is a binary file of a type we do not accept" });
    expect(sniffFileType(utf8("notes\0<html>"))).toEqual({ ok: false, reason: "is a binary file of a type we do not accept" });
  });

  it("judges a large text file quickly, even one full of unclosed tags", () => {
    // About 1.4 and 1.9 MB: judged in well under a second, while a pattern that backtracks on
    // unclosed tags (quadratic or worse) would take minutes. The bound leaves room for a busy machine.
    const started = performance.now();
    expect(typeOf(utf8("<a x=1 ".repeat(200_000).replace(/^/, "notes ")))).toBe(fileTypes.text);
    expect(typeOf(utf8("if (a <b c) d = 1;\n".repeat(100_000)))).toBe(fileTypes.text);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("refuses empty files, unknown binaries, invalid UTF-8 and other OLE containers (MSI)", () => {
    expect(sniffFileType(new Uint8Array())).toEqual({ ok: false, reason: "is empty" });
    expect(sniffFileType(bytes("abc", [0], "def")).ok).toBe(false);
    expect(sniffFileType(bytes([0xc3, 0x28, 0x41])).ok).toBe(false);
    const msi = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array(504).fill(0), utf16("SummaryInformation"));
    expect(sniffFileType(msi)).toMatchObject({ ok: false, reason: expect.stringMatching(/Office container/) });
  });
});
