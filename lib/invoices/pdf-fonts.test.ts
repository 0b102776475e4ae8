import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { pdfText } from "@/test/pdf-text";
import { layoutText, PATCH_VERIFIED_WITH, registerInvoiceFonts, writeText } from "./pdf-fonts";

function newDocument() {
  const doc = new PDFDocument({ size: "A4", margin: 50, font: "" });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  registerInvoiceFonts(doc);
  doc.fontSize(10);
  return { doc, finish: () => (doc.end(), done) };
}

const box = { x: 50, width: 300 };

describe("text in the invoice PDF", () => {
  it("reads back as written in Polish, German, Arabic and Chinese, whichever comes first", async () => {
    const { doc, finish } = newDocument();
    const written = ["Zoë Łukasiewicz 王芳", "محمد علي", "Résumé review — Größe, Ærø, Żółć, 漢字", "فاتورة", "رقم الفاتورة", "سلام عليكم", "Σωκράτης Παπαδόπουλος", "Ёжик Щукин"];
    for (const text of written) writeText(doc, text, box);
    const text = await pdfText(await finish());
    // Each its own line, so a reader gets each back exactly. "رقم" after "فاتورة" (ق and ف share
    // one dotless shape in Noto Sans Arabic) is what makeCopiedTextMatch's pdfkit/fontkit patch is for.
    expect(text.split("\n")).toEqual(expect.arrayContaining(written));
  });

  it("draws a right-to-left name in reading order, also next to Latin", () => {
    const { doc } = newDocument();
    const pieces = (text: string) => layoutText(doc, text, box).flatMap((line) => line.pieces.map((piece) => [piece.family, piece.text.trim()]));
    // One Arabic run, shaped as a whole (fontkit lays it out right to left).
    expect(pieces("محمد علي")).toEqual([["NotoSansArabic", "محمد علي"]]);
    // In a Latin sentence the Arabic name sits where it is written.
    expect(pieces("Paid by محمد علي today")).toEqual([["NotoSans", "Paid by"], ["NotoSansArabic", "محمد علي"], ["NotoSans", "today"]]);
    // In an Arabic sentence the Latin word comes left of the name, as an Arabic reader expects.
    expect(pieces("محمد علي Smith")).toEqual([["NotoSans", "Smith"], ["NotoSansArabic", "محمد علي"]]);
    // Brackets around the Latin part of an Arabic line stay around it.
    expect(pieces("عميل John Smith (VIP)")).toEqual([["NotoSans", "John Smith (VIP)"], ["NotoSansArabic", "عميل"]]);
  });

  it("wraps inside its box: Chinese between characters, an over-long word cut, lines kept", () => {
    const { doc } = newDocument();
    for (const text of ["漢字".repeat(60), "x".repeat(400), "long words here ".repeat(40), "first\nsecond\n\nfourth"]) {
      const lines = layoutText(doc, text, { x: 50, width: 120 });
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(line.width).toBeLessThanOrEqual(120.001);
    }
    expect(layoutText(doc, "first\nsecond\n\nfourth", box)).toHaveLength(4);
  });

  it("drops control and direction-override characters instead of drawing or obeying them", async () => {
    const { doc, finish } = newDocument();
    writeText(doc, "Eve\u202E lin\u0000k\u0007", box);
    expect(await pdfText(await finish())).toContain("Eve link");
  });
});

/** The version of `name` that `from` (a resolved module file) loads. */
function installedVersion(from: string, name: string): { file: string; version: string } {
  const file = createRequire(from).resolve(name);
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (!fs.existsSync(manifest)) continue;
    const { name: found, version } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string; version: string };
    if (found === name) return { file, version };
  }
  throw new Error(`No package.json for ${name} above ${file}`);
}

describe("the pdfkit/fontkit patch behind copyable text", () => {
  // makeCopiedTextMatch replaces pdfkit and fontkit internals. Any upgrade must re-check it (run the
  // "reads back as written" test with and without it) and then update PATCH_VERIFIED_WITH.
  it("runs on the pdfkit and fontkit versions it was verified against", () => {
    const pdfkit = installedVersion(path.join(process.cwd(), "package.json"), "pdfkit");
    const fontkit = installedVersion(pdfkit.file, "fontkit");
    expect({ pdfkit: pdfkit.version, fontkit: fontkit.version }).toEqual(PATCH_VERIFIED_WITH);
  });
});
