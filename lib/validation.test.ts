import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formToObject, parseInput, UNSAVABLE_TEXT_MESSAGE } from "./validation";

const schema = z.object({ title: z.string(), tags: z.array(z.string()).optional(), items: z.array(z.object({ description: z.string() })).optional() });

describe("text that was never typed is refused beside its field, before the schema", () => {
  it("a NUL character", () => {
    expect(parseInput(schema, { title: "a\u0000b" })).toEqual({ ok: false, fieldErrors: { title: [UNSAVABLE_TEXT_MESSAGE] } });
  });

  it("bytes that were not UTF-8 (decoded to U+FFFD), in a repeated field and a nested one", () => {
    expect(parseInput(schema, { title: "ok", tags: ["fine", "Zo\uFFFD"], items: [{ description: "x" }, { description: "\uFFFD" }] })).toEqual({
      ok: false,
      fieldErrors: { tags: [UNSAVABLE_TEXT_MESSAGE], "items.1.description": [UNSAVABLE_TEXT_MESSAGE] },
    });
  });

  it("leaves ordinary text in any script to the schema", () => {
    expect(parseInput(schema, { title: "Zoë Łukasiewicz 王芳 محمد" })).toEqual({ ok: true, data: { title: "Zoë Łukasiewicz 王芳 محمد" } });
  });
});

it("reads anything but a form as an empty form", () => {
  expect(formToObject([1, 2] as unknown as FormData)).toEqual({});
  const form = new FormData();
  form.append("tag", "a");
  form.append("tag", "b");
  expect(formToObject(form)).toEqual({ tag: ["a", "b"] });
});
