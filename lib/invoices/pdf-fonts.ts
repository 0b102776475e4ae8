import fs from "node:fs";
import path from "node:path";
import { bidiParagraph, type BidiParagraph } from "./pdf-bidi";

/**
 * Fonts of the invoice PDF and the one way user text gets into it. pdfkit's built-in Helvetica only
 * knows WinAnsi, so names like "Łukasiewicz" or "王芳" came out garbled. Noto Sans covers Latin, Greek
 * and Cyrillic; characters it lacks fall back to Noto Sans Arabic, then Noto Sans SC (Chinese, kana).
 * pdfkit embeds only the glyphs a document uses (a subset), so the 10 MB CJK font costs a few KB
 * per PDF, and it is read from disk only when some text needs it.
 */

export type Weight = "regular" | "bold";
type Family = "NotoSans" | "NotoSansArabic" | "NotoSansSC";

/** Fallback order: the first family that has a glyph draws the character. */
const FAMILIES: readonly Family[] = ["NotoSans", "NotoSansArabic", "NotoSansSC"];
const PACKAGE: Record<Family, string> = { NotoSans: "noto-sans", NotoSansArabic: "noto-sans-arabic", NotoSansSC: "noto-sans-sc" };
const STYLE: Record<Weight, string> = { regular: "400Regular", bold: "700Bold" };

/** Names to pass to `doc.font()` for fixed labels (Noto Sans covers every label we write). */
export const LABEL_FONT: Record<Weight, string> = { regular: faceName("NotoSans", "regular"), bold: faceName("NotoSans", "bold") };

function faceName(family: Family, weight: Weight): string {
  return `${family}-${weight}`;
}

/**
 * The font files come from the @expo-google-fonts packages in node_modules, found from the working
 * directory: every way the app runs (`next dev`/`next start` through scripts/, Vitest) starts in
 * the project root, as db/migrate.ts already relies on. A path the bundler never sees cannot be
 * rewritten or inlined by it, unlike `require.resolve` inside bundled server code.
 */
function fontFile(family: Family, weight: Weight): string {
  const style = STYLE[weight];
  // turbopackIgnore: without it Turbopack treats `process.cwd()` as a dependency on the whole
  // project, so every write under .data/ (PostgreSQL, uploads) reloaded every open page in dev.
  return path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "@expo-google-fonts", PACKAGE[family], style, `${family}_${style}.ttf`);
}

function readFont(file: string): Buffer {
  if (!fs.existsSync(file)) throw new Error(`Invoice PDF font not found at ${file}: start the server from the project root`);
  return fs.readFileSync(file);
}

// What this file uses of pdfkit's embedded font (not in its type definitions). Reading the metrics
// and the current font is harmless; the two replacements are in `makeCopiedTextMatch` alone.
type Glyph = { id: number; codePoints: number[]; advanceWidth: number };
type EmbeddedFont = {
  ascender: number;
  descender: number;
  lineGap: number;
  scale: number;
  font: { hasGlyphForCodePoint(codePoint: number): boolean; getGlyph(glyphId: number, codePoints?: number[]): Glyph };
  subset: { glyphs: number[]; includeGlyph(glyphId: number): number };
  unicode: number[][];
  widths: number[];
  layout(text: string, features?: unknown): { glyphs: Glyph[]; positions: unknown[] };
  encode(text: string, features?: unknown): [string[], unknown[]];
};
const currentFont = (doc: PDFKit.PDFDocument) => (doc as unknown as { _font: EmbeddedFont })._font;

/** The versions `makeCopiedTextMatch` was checked against; pdf-fonts.test.ts fails when either changes. */
export const PATCH_VERIFIED_WITH = { pdfkit: "0.20.2", fontkit: "2.0.4" } as const;

// U+2060 WORD JOINER: invisible, a format character that text extractors drop, and transparent to
// Arabic joining if pasted.
const NO_TEXT = [0x2060];
const patchedFontkitFonts = new WeakSet<object>();

/**
 * Patches pdfkit and fontkit internals (verified with PATCH_VERIFIED_WITH) so the text a reader
 * copies or searches is the text written. pdfkit gives each glyph one code and one Unicode mapping,
 * and fontkit remembers the characters of a glyph from its first use. Noto Sans Arabic draws letters
 * as a dotless shape plus dots (its ccmp feature): ف and ق share one shape, so "رقم" after "فاتورة"
 * would copy as "رفم", and the dots, which stand for no character, as control characters. So:
 * - fontkit's `getGlyph` (once per parsed font, shared by documents) hands each use of a glyph its
 *   own characters instead of the cached first ones;
 * - pdfkit's `encode` (per document) gives a glyph one code per text it stands for (the subset holds
 *   the outline once per code), and glyphs without text map to nothing.
 * The "reads back as written" test proves both are needed: without either, it fails. If the
 * internals are not where these versions keep them, this throws rather than writing wrong text.
 */
function makeCopiedTextMatch(font: EmbeddedFont): void {
  const found = [font.font?.getGlyph, font.layout, font.encode, font.subset?.includeGlyph].every((member) => typeof member === "function") && [font.subset?.glyphs, font.unicode, font.widths].every(Array.isArray) && typeof font.scale === "number";
  if (!found) throw new Error(`pdfkit/fontkit internals changed (patch verified with pdfkit ${PATCH_VERIFIED_WITH.pdfkit}, fontkit ${PATCH_VERIFIED_WITH.fontkit}): re-check makeCopiedTextMatch in lib/invoices/pdf-fonts.ts`);

  const fontkitFont = font.font;
  if (!patchedFontkitFonts.has(fontkitFont)) {
    patchedFontkitFonts.add(fontkitFont);
    const glyphOf = fontkitFont.getGlyph.bind(fontkitFont);
    fontkitFont.getGlyph = (glyphId, codePoints = []) => {
      const glyph = glyphOf(glyphId, codePoints);
      return glyph.codePoints.join(",") === codePoints.join(",") ? glyph : (Object.create(glyph, { codePoints: { value: codePoints } }) as Glyph);
    };
  }

  const codes = new Map<string, number>();
  font.encode = (text, features) => {
    const { glyphs, positions } = font.layout(text, features);
    const encoded = glyphs.map((glyph) => {
      const unicode = glyph.codePoints.length > 0 ? glyph.codePoints : NO_TEXT;
      const key = `${glyph.id}:${unicode.join(",")}`;
      let code = codes.get(key);
      if (code === undefined) {
        code = font.subset.includeGlyph(glyph.id);
        const mapped = font.unicode[code];
        if (mapped && mapped.join(",") !== unicode.join(",")) code = font.subset.glyphs.push(glyph.id) - 1;
        font.unicode[code] = unicode;
        font.widths[code] = glyph.advanceWidth * font.scale;
        codes.set(key, code);
      }
      return code.toString(16).padStart(4, "0");
    });
    return [encoded, positions];
  };
}

// Fonts parsed by pdfkit (fontkit objects, with their glyph and layout caches), kept for every later
// document: parsing again per PDF cost more than the rest of the render. A render is synchronous
// from the first text to `doc.end()` (which subsets), so documents never interleave on one font.
const parsed = new Map<string, EmbeddedFont["font"]>();
const registered = new WeakMap<PDFKit.PDFDocument, Set<string>>();

/** Makes `family` in `weight` the document's current font, registering it on first use. */
function selectFace(doc: PDFKit.PDFDocument, family: Family, weight: Weight): EmbeddedFont {
  const name = faceName(family, weight);
  const names = registered.get(doc) ?? new Set<string>();
  registered.set(doc, names);
  if (!names.has(name)) {
    const file = fontFile(family, weight);
    const shared = parsed.get(file);
    // pdfkit takes a parsed font wherever it takes a file (its types only name the latter).
    doc.registerFont(name, shared ? (shared as unknown as Buffer) : readFont(file));
    names.add(name);
    const font = currentFont(doc.font(name));
    makeCopiedTextMatch(font);
    if (!shared) parsed.set(file, font.font);
  }
  doc.font(name);
  return currentFont(doc);
}

/** Registers the label fonts; call once on a new document, before any text. */
export function registerInvoiceFonts(doc: PDFKit.PDFDocument): void {
  selectFace(doc, "NotoSans", "bold");
  selectFace(doc, "NotoSans", "regular");
}

// Spaces, punctuation and combining marks stay in the font of what precedes them, so "محمد علي"
// is one Arabic run (shaped and joined as a whole) rather than three.
const followsNeighbour = (char: string) => /[\s\p{P}\p{S}\p{M}\p{Nd}]/u.test(char);
const breaksAround = (char: string) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]/u.test(char);

function familyOf(doc: PDFKit.PDFDocument, chars: readonly string[], levels: readonly number[], weight: Weight): Family[] {
  const families: Family[] = [];
  const covers = (family: Family, char: string) => selectFace(doc, family, weight).font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0);
  chars.forEach((char, i) => {
    const previous = i > 0 && levels[i - 1] === levels[i] ? families[i - 1] : undefined;
    if (previous && followsNeighbour(char) && covers(previous, char)) families.push(previous);
    else families.push(FAMILIES.find((family) => covers(family, char)) ?? "NotoSans");
  });
  return families;
}

type Piece = { text: string; family: Family; width: number };
type Line = { pieces: Piece[]; width: number; ascent: number; height: number };
export type TextBox = { x: number; width: number; weight?: Weight; align?: "left" | "right" };

// `features` makes pdfkit shape a run as a whole instead of word by word, so fontkit lays out a
// right-to-left run (joined, in visual order) in one piece. Other runs keep pdfkit's per-word
// layout, which it caches: shaping every run whole made long notes several times slower.
const shaping = (text: string): { features?: [] } => (reversedByFontkit(Array.from(text)) ? { features: [] } : {});

const width = (doc: PDFKit.PDFDocument, family: Family, weight: Weight, text: string) => {
  selectFace(doc, family, weight);
  return doc.widthOfString(text, shaping(text));
};

/** Splits text into lines that fit `box.width`, each as runs of one font in drawing order. */
export function layoutText(doc: PDFKit.PDFDocument, text: string, box: TextBox): Line[] {
  const weight = box.weight ?? "regular";
  const size = (doc as unknown as { _fontSize: number })._fontSize;
  const lines: Line[] = [];
  const widths = new Map<string, number>();
  const widthOf: WidthOf = (family, run) => {
    const key = `${family}:${run}`;
    const known = widths.get(key) ?? width(doc, family, weight, run);
    widths.set(key, known);
    return known;
  };
  // Control characters draw nothing useful, and bidi-js would obey the explicit embeddings, overrides
  // and isolates: a name could then reverse or move the text around it. Implicit marks (LRM, RLM) stay.
  const clean = text.replace(/\t/g, " ").replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069\uFEFF]/gu, (char) => (char === "\n" || char === "\r" ? char : ""));
  for (const paragraph of clean.split(/\r\n|[\r\n\u2028\u2029]/)) {
    const chars = Array.from(paragraph);
    const bidi = bidiParagraph(chars);
    const { levels } = bidi;
    const families = familyOf(doc, chars, levels, weight);
    const measure = (from: number, to: number) => {
      let sum = 0;
      for (let start = from; start < to; ) {
        let end = start + 1;
        while (end < to && families[end] === families[start] && levels[end] === levels[start]) end++;
        sum += widthOf(families[start]!, chars.slice(start, end).join(""));
        start = end;
      }
      return sum;
    };
    for (const [start, end] of breakLines(chars, box.width, measure)) lines.push(lineOf(doc, bidi.lineOrder(start, end), bidi, families, weight, size, widthOf));
  }
  return lines;
}

/**
 * Greedy line breaking at spaces, around CJK characters and after hyphens; a word wider than the
 * line is cut where it stops fitting. Each word is measured once (and cut words per character), so
 * a 5,000-character note costs the same as its words, not the square of its lines.
 */
function breakLines(chars: readonly string[], maxWidth: number, measure: (from: number, to: number) => number): Array<[number, number]> {
  const trimmed = (from: number, to: number) => {
    while (to > from && /\s/u.test(chars[to - 1]!)) to--;
    return to;
  };
  const lines: Array<[number, number]> = [];
  let lineStart = 0;
  let lineEnd = 0;
  let lineWidth = 0; // up to the last word, without the spaces after it
  let spaces = 0; // width of the spaces after the last word
  let from = 0;
  for (let to = 1; to <= chars.length; to++) {
    const here = chars[to];
    const before = chars[to - 1]!;
    if (here !== undefined && (/\s/u.test(here) || !(/[\s\-/\u2014]/u.test(before) || breaksAround(before) || breaksAround(here)))) continue;
    const end = trimmed(from, to);
    const wordWidth = measure(from, end);
    if (lineEnd > lineStart && lineWidth + spaces + wordWidth > maxWidth) {
      lines.push([lineStart, trimmed(lineStart, lineEnd)]);
      [lineStart, lineWidth] = [from, 0];
    } else if (lineEnd > lineStart) lineWidth += spaces;
    if (wordWidth > maxWidth) {
      // Alone on its line by now (it did not fit after anything else).
      lineWidth = 0;
      for (let i = from; i < end; i++) {
        const charWidth = measure(i, i + 1);
        if (lineWidth + charWidth > maxWidth && i > lineStart) {
          lines.push([lineStart, i]);
          [lineStart, lineWidth] = [i, 0];
        }
        lineWidth += charWidth;
      }
    } else lineWidth += wordWidth;
    spaces = end < to ? measure(end, to) : 0;
    [lineEnd, from] = [to, to];
  }
  lines.push([lineStart, trimmed(lineStart, lineEnd)]);
  return lines;
}

const SCRIPTLESS = /[\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}]/u;
const reversedByFontkit = (chars: readonly string[]) => RTL_SCRIPT.test(chars.find((char) => !SCRIPTLESS.test(char)) ?? "");

type WidthOf = (family: Family, text: string) => number;

/** One line from its characters' indices in drawing order, cut into runs of one font and level. */
function lineOf(doc: PDFKit.PDFDocument, order: readonly number[], bidi: BidiParagraph, families: readonly Family[], weight: Weight, size: number, widthOf: WidthOf): Line {
  const { levels } = bidi;
  const pieces: Piece[] = [];
  for (let k = 0; k < order.length; ) {
    const first = order[k]!;
    const odd = levels[first]! % 2 === 1;
    let next = k + 1;
    while (next < order.length && families[order[next]!] === families[first] && levels[order[next]!] === levels[first] && order[next]! === order[next - 1]! + (odd ? -1 : 1)) next++;
    const visual = order.slice(k, next).map((i) => bidi.drawn(i));
    // fontkit draws a run whose first scripted character is right-to-left (Arabic letters, but also
    // Arabic digits) in reverse, and shapes Arabic in reading order: such runs are given reversed.
    const text = (reversedByFontkit(visual) ? [...visual].reverse() : visual).join("");
    pieces.push({ text, family: families[first]!, width: widthOf(families[first]!, text) });
    k = next;
  }
  // Every line takes Noto Sans's height and baseline, like the labels beside it: Arabic and CJK
  // glyphs fit in it, and their fonts' taller metrics would make lines uneven and rows misaligned.
  const primary = selectFace(doc, "NotoSans", weight);
  const ascent = (primary.ascender / 1000) * size;
  return { pieces, width: pieces.reduce((sum, piece) => sum + piece.width, 0), ascent, height: ((primary.ascender - primary.descender + primary.lineGap) / 1000) * size };
}

/** The height `writeText` will take for `text` in `box`, at the current font size. */
export function heightOfText(doc: PDFKit.PDFDocument, text: string, box: TextBox): number {
  const lines = layoutText(doc, text, box);
  selectFace(doc, "NotoSans", box.weight ?? "regular");
  return lines.reduce((sum, line) => sum + line.height, 0);
}

/**
 * Draws user-provided text (names, descriptions, notes, references) at `box.x` and `y` (default:
 * the current position), wrapped to `box.width`, with each character in a font that has it and
 * right-to-left runs in reading order; continues on a new page when a line would not fit. Leaves
 * the position under the text and the label font of `box.weight` current.
 */
export function writeText(doc: PDFKit.PDFDocument, text: string, box: TextBox & { y?: number }): void {
  const weight = box.weight ?? "regular";
  let y = box.y ?? doc.y;
  for (const line of layoutText(doc, text, box)) {
    if (y + line.height > doc.page.maxY() && y > doc.page.margins.top) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    let x = box.x + (box.align === "right" ? box.width - line.width : 0);
    for (const piece of line.pieces) {
      selectFace(doc, piece.family, weight);
      doc.text(piece.text, x, y + line.ascent, { lineBreak: false, baseline: "alphabetic", ...shaping(piece.text) });
      x += piece.width;
    }
    y += line.height;
  }
  selectFace(doc, "NotoSans", weight);
  doc.x = box.x;
  doc.y = y;
}
