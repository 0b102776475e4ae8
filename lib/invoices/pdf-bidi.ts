import bidiFactory, { type BidiCharTypeName } from "bidi-js";

/**
 * Right-to-left order for the invoice PDF. pdfkit shapes Arabic (through fontkit) but never reorders
 * a line, so each paragraph goes through bidi-js, the whole Unicode Bidirectional Algorithm (UAX #9:
 * numbers, bracket pairs, mirroring, per-line reordering). This file only adapts it to the unit
 * pdf-fonts.ts works in, the code point (`Array.from`), where bidi-js counts UTF-16 units.
 */

const bidi = bidiFactory();

export type BidiParagraph = {
  /** 0 when the paragraph reads left to right, 1 when right to left (its first strong letter's). */
  base: number;
  /** The resolved level of each character: odd levels read right to left. */
  levels: readonly number[];
  /** Indices of the characters `start` to `end` (exclusive), one line, in drawing order left to right. */
  lineOrder(start: number, end: number): number[];
  /** The character to draw at index `i`: a bracket in right-to-left text faces the other way. */
  drawn(i: number): string;
};

// bidi-js classes each half of a surrogate pair as a left-to-right letter. One stand-in of the same
// class per character beyond the BMP (CJK Extension B, emoji, Adlam) keeps its classes right and
// its indices equal to ours. These are the classes Unicode gives characters beyond the BMP.
const STAND_IN: Partial<Record<BidiCharTypeName, string>> = { R: "\u05D0", AL: "\u0627", EN: "0", AN: "\u0660", ET: "#", NSM: "\u0300", BN: "\u200B", ON: "!" };
const standIn = (char: string) => (char.length === 1 ? char : (STAND_IN[bidi.getBidiCharTypeName(char)] ?? "a"));

/** Levels and line order of one paragraph (no line breaks inside), direction from its first strong letter. */
export function bidiParagraph(chars: readonly string[]): BidiParagraph {
  const text = chars.map(standIn).join("");
  const embedding = bidi.getEmbeddingLevels(text, "auto");
  const mirrored = bidi.getMirroredCharactersMap(text, embedding.levels);
  return {
    base: embedding.paragraphs[0]?.level ?? 0,
    levels: Array.from(embedding.levels),
    lineOrder(start, end) {
      const order = Array.from({ length: end - start }, (_, i) => start + i);
      // Each segment is reversed in place, in the order given (bidi-js's ends are inclusive).
      for (const [from = start, to = start] of bidi.getReorderSegments(text, embedding, start, end - 1)) {
        order.splice(from - start, to - from + 1, ...order.slice(from - start, to - start + 1).reverse());
      }
      return order;
    },
    drawn: (i) => mirrored.get(i) ?? chars[i] ?? "",
  };
}
