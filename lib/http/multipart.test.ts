import { expect, it } from "vitest";
import { multipartToInput } from "./multipart";

it("keeps text as typed, turning the browser's CRLF back into line feeds", async () => {
  const form = new FormData();
  form.append("textSolution", "def f(x):\r\n    return x < 2\r\n");
  form.append("tag", "a");
  form.append("tag", "b");
  const input = await multipartToInput(form);
  expect(input.textSolution).toBe("def f(x):\n    return x < 2\n");
  expect(input.tag).toEqual(["a", "b"]);
  expect(input.files).toEqual([]);
});

it("reads every file field into bytes under files", async () => {
  const form = new FormData();
  form.append("files", new File([new Uint8Array([37, 80, 68, 70])], "a.pdf", { type: "application/pdf" }));
  form.append("files", new File(["hello"], "b.txt"));
  const input = await multipartToInput(form);
  expect(input.files.map((f) => [f.name, f.bytes.length])).toEqual([["a.pdf", 4], ["b.txt", 5]]);
});
