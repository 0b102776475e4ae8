import { describe, expect, it } from "vitest";
import { bidiParagraph } from "./pdf-bidi";

/** The text as drawn on a line, left to right. */
const drawn = (text: string) => {
  const chars = Array.from(text);
  const paragraph = bidiParagraph(chars);
  return paragraph.lineOrder(0, chars.length).map((i) => paragraph.drawn(i)).join("");
};

describe("right-to-left order", () => {
  it("reverses Arabic words but keeps numbers and Latin left to right", () => {
    expect(drawn("محمد علي")).toBe("يلع دمحم");
    expect(drawn("علي 123 محمد")).toBe("دمحم 123 يلع");
    expect(drawn("رقم ٣٤٥")).toBe("٣٤٥ مقر");
    expect(drawn("Total $1,000.50 paid")).toBe("Total $1,000.50 paid");
  });

  it("orders mixed text by the direction of its first letter", () => {
    expect(drawn("Smith محمد علي")).toBe("Smith يلع دمحم");
    expect(drawn("محمد علي Smith")).toBe("Smith يلع دمحم");
    expect(bidiParagraph(Array.from("محمد Smith")).base).toBe(1);
    expect(bidiParagraph(Array.from("Smith محمد")).base).toBe(0);
  });

  // Both came out wrong before bidi-js: the brackets around the Latin part split apart
  // ("(John Smith (VIP"), and the Arabic percent sign went to the wrong side of its number.
  it("keeps brackets around Latin inside Arabic together, and the Arabic percent sign after its number", () => {
    expect(drawn("عميل John Smith (VIP)")).toBe("John Smith (VIP) ليمع");
    expect(drawn("50٪ مدفوع")).toBe("عوفدم 50٪");
    // Brackets inside right-to-left text face the other way, so they still enclose.
    expect(drawn("علي (محمد)")).toBe("(دمحم) يلع");
  });

  it("counts a character beyond the BMP as one, in its own direction", () => {
    // U+20000 (CJK Extension B) is two UTF-16 units; an emoji is a neutral, not a Latin letter.
    expect(drawn("محمد 𠀀")).toBe("𠀀 دمحم");
    expect(drawn("محمد 😀 علي")).toBe("يلع 😀 دمحم");
    expect(bidiParagraph(Array.from("😀 محمد")).base).toBe(1);
  });

  it("reorders each line of a wrapped paragraph on its own", () => {
    const chars = Array.from("محمد علي Smith Jones");
    const paragraph = bidiParagraph(chars);
    const line = (start: number, end: number) => paragraph.lineOrder(start, end).map((i) => chars[i]).join("");
    // The first line ends after "علي" (index 8 is the space).
    expect(line(0, 8)).toBe("يلع دمحم");
    expect(line(9, chars.length)).toBe("Smith Jones");
  });
});
