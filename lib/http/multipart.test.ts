import { describe, expect, it } from "vitest";
import { readMultipart, type MultipartLimits } from "./multipart";
import { encodedForm, openFilePart, streamedRequest } from "./test-streams";

const KB = 1024;
const limits: MultipartLimits = { fileBytes: 64 * KB, files: 3, fields: 10, fieldBytes: 4 * KB, totalBytes: 3 * 64 * KB + 16 * KB };
const CHUNK = 4 * KB;

async function chunkedForm(form: FormData, chunkSize = CHUNK) {
  const { bytes, contentType } = await encodedForm(form);
  return { ...streamedRequest(bytes, { contentType, chunkSize }), size: bytes.length, contentType };
}

const file = (name: string, size: number, fill = 65) => new File([new Uint8Array(size).fill(fill)], name, { type: "application/octet-stream" });

describe("a well-formed upload", () => {
  it("keeps text as typed, turning the browser's CRLF back into line feeds, even split into tiny chunks", async () => {
    const form = new FormData();
    form.append("textSolution", "def f(x):\r\n    return x < 2\r\n");
    form.append("tag", "a");
    form.append("tag", "b");
    const { request } = await chunkedForm(form, 7);
    const read = await readMultipart(request, limits);
    expect(read).toEqual({ ok: true, input: { textSolution: "def f(x):\n    return x < 2\n", tag: ["a", "b"], files: [] } });
  });

  it("reads every file field into bytes under files, with UTF-8 names", async () => {
    const form = new FormData();
    form.append("files", new File([new Uint8Array([37, 80, 68, 70])], "Zoë Łukasiewicz 王芳.pdf", { type: "application/pdf" }));
    form.append("files", new File(["hello"], "b.txt"));
    form.append("files", new File([], "")); // a file input left empty
    const { request } = await chunkedForm(form);
    const read = await readMultipart(request, limits);
    if (!read.ok) throw new Error(read.error);
    expect(read.input.files.map((f) => [f.name, f.bytes.length, f.bytes instanceof Uint8Array])).toEqual([["Zoë Łukasiewicz 王芳.pdf", 4, true], ["b.txt", 5, true]]);
    expect(Array.from(read.input.files[0]!.bytes)).toEqual([37, 80, 68, 70]);
  });

  it("accepts a file of exactly the limit", async () => {
    const form = new FormData();
    form.append("files", file("exact.bin", limits.fileBytes));
    const read = await readMultipart((await chunkedForm(form)).request, limits);
    expect(read.ok && read.input.files[0]!.bytes.length).toBe(limits.fileBytes);
  });

  it("treats a field named __proto__ as just a name", async () => {
    const form = new FormData();
    form.append("__proto__", "x");
    form.append("__proto__", "y");
    const read = await readMultipart((await chunkedForm(form)).request, limits);
    expect(read.ok && Object.getPrototypeOf(read.input)).toBe(Object.prototype);
  });
});

describe("a body that is not a multipart form is refused with 415 before any of it is read", () => {
  it.each([
    ["JSON", "application/json", '{"title":"x"}'],
    ["text", "text/plain", "hello"],
    ["a URL-encoded form", "application/x-www-form-urlencoded", "title=x"],
    ["no content type", undefined, "anything"],
    ["a multipart type without a boundary", "multipart/form-data", "--x\r\n"],
    ["a multipart type with an empty boundary", "multipart/form-data; boundary=", "--\r\n"],
  ])("%s", async (_label, contentType, body) => {
    const { request, pulled } = streamedRequest(body, { contentType });
    const read = await readMultipart(request, limits);
    expect(read).toMatchObject({ ok: false, status: 415, error: expect.stringMatching(/multipart\/form-data/) });
    expect(pulled()).toBe(0);
  });
});

describe("a malformed multipart body is refused with 400 and a reason", () => {
  it("garbage under a multipart type", async () => {
    const { request } = streamedRequest("this is not a form at all", { contentType: "multipart/form-data; boundary=abc" });
    expect(await readMultipart(request, limits)).toMatchObject({ ok: false, status: 400, error: expect.stringMatching(/ended before it was complete/) });
  });

  it("an empty body", async () => {
    const { request } = streamedRequest("", { contentType: "multipart/form-data; boundary=abc" });
    expect(await readMultipart(request, limits)).toMatchObject({ ok: false, status: 400 });
  });

  it("a body whose boundary is not the one its Content-Type names", async () => {
    const form = new FormData();
    form.append("title", "x");
    const { bytes } = await encodedForm(form);
    const { request } = streamedRequest(bytes, { contentType: "multipart/form-data; boundary=not-the-real-one" });
    expect(await readMultipart(request, limits)).toMatchObject({ ok: false, status: 400, error: expect.stringMatching(/boundary does not match/) });
  });

  it("a truncated body, cut in the middle of a file", async () => {
    const form = new FormData();
    form.append("title", "x");
    form.append("files", file("a.bin", 10 * KB));
    const { bytes, contentType } = await encodedForm(form);
    const { request } = streamedRequest(bytes.slice(0, bytes.length - 3 * KB), { contentType });
    expect(await readMultipart(request, limits)).toMatchObject({ ok: false, status: 400, error: expect.stringMatching(/ended before it was complete/) });
  });

  it("a part header that does not parse", async () => {
    const body = `--abc\r\nContent-Disposition form-data name\r\n${"x".repeat(20 * KB)}\r\n\r\nvalue\r\n--abc--\r\n`;
    const { request } = streamedRequest(body, { contentType: "multipart/form-data; boundary=abc" });
    expect(await readMultipart(request, limits)).toMatchObject({ ok: false, status: 400 });
  });

  it("a connection that breaks mid-upload", async () => {
    const { request } = streamedRequest(openFilePart("abc", "a.bin", "partial"), { contentType: "multipart/form-data; boundary=abc", thenBreak: true });
    expect(await readMultipart(request, limits)).toMatchObject({ ok: false, status: 400, error: expect.stringMatching(/interrupted/) });
  });

  it("a NUL character in a text field", async () => {
    const form = new FormData();
    form.append("title", "a\0b");
    expect(await readMultipart((await chunkedForm(form)).request, limits)).toMatchObject({ ok: false, status: 400, error: expect.stringMatching(/“title” contains a NUL/) });
  });
});

describe("text that is not UTF-8 is refused, not stored with replacement characters", () => {
  const latin1 = (text: string) => Buffer.from(text, "latin1");
  it("in a text field", async () => {
    const body = Buffer.concat([Buffer.from('--abc\r\nContent-Disposition: form-data; name="title"\r\n\r\n'), latin1("Zo\u00eb \u00ff"), Buffer.from("\r\n--abc--\r\n")]);
    const { request } = streamedRequest(new Uint8Array(body), { contentType: "multipart/form-data; boundary=abc" });
    expect(await readMultipart(request, limits)).toMatchObject({ ok: false, status: 400, error: "The field “title” is not valid UTF-8 text." });
  });

  it("in a file name", async () => {
    const body = Buffer.concat([Buffer.from('--abc\r\nContent-Disposition: form-data; name="files"; filename="'), latin1("r\u00e9sum\u00e9.pdf"), Buffer.from('"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n--abc--\r\n')]);
    const { request } = streamedRequest(new Uint8Array(body), { contentType: "multipart/form-data; boundary=abc" });
    expect(await readMultipart(request, limits)).toMatchObject({ ok: false, status: 400, error: "A file name is not valid UTF-8 text." });
  });
});

describe("limits stop the reading as soon as they are passed, whatever the headers say", () => {
  it("a file over the per-file limit, sent chunked without Content-Length", async () => {
    const form = new FormData();
    form.append("files", file("big.bin", 10 * limits.fileBytes));
    const { request, pulled, cancelled, size } = await chunkedForm(form);
    const read = await readMultipart(request, limits);
    expect(read).toMatchObject({ ok: false, status: 413, error: "“big.bin” is larger than 64 KB." });
    expect(pulled()).toBeLessThanOrEqual(limits.fileBytes + CHUNK + KB);
    expect(pulled()).toBeLessThan(size);
    expect(cancelled()).toBe(true);
  });

  it("an upload that never ends (a '300 MB' chunked body) is refused after about the limit", async () => {
    const { request, pulled, cancelled } = streamedRequest(openFilePart("abc", "endless.bin"), { contentType: "multipart/form-data; boundary=abc", thenForever: 0, chunkSize: CHUNK });
    const read = await readMultipart(request, limits);
    expect(read).toMatchObject({ ok: false, status: 413, error: "“endless.bin” is larger than 64 KB." });
    expect(pulled()).toBeLessThanOrEqual(limits.fileBytes + CHUNK + KB);
    expect(cancelled()).toBe(true);
  });

  it("files each under the limit but over the request's total", async () => {
    const tight = { ...limits, totalBytes: 100 * KB };
    const form = new FormData();
    for (const name of ["a.bin", "b.bin", "c.bin"]) form.append("files", file(name, 60 * KB));
    const { request, pulled, cancelled } = await chunkedForm(form);
    expect(await readMultipart(request, tight)).toMatchObject({ ok: false, status: 413, error: "The upload is larger than 100 KB in all." });
    expect(pulled()).toBeLessThanOrEqual(tight.totalBytes + CHUNK);
    expect(cancelled()).toBe(true);
  });

  it("a Content-Length over the total is refused without reading a byte", async () => {
    const { request, pulled } = streamedRequest("--abc\r\n", { contentType: "multipart/form-data; boundary=abc", contentLength: limits.totalBytes + 1 });
    expect(await readMultipart(request, limits)).toMatchObject({ ok: false, status: 413 });
    expect(pulled()).toBe(0);
  });

  it("more files than allowed stops at the first extra file", async () => {
    const form = new FormData();
    for (let i = 0; i < 8; i += 1) form.append("files", file(`f${i}.bin`, 20 * KB));
    const { request, pulled, size } = await chunkedForm(form);
    expect(await readMultipart(request, limits)).toMatchObject({ ok: false, status: 413, error: "Attach at most 3 files at a time." });
    expect(pulled()).toBeLessThanOrEqual(3 * 20 * KB + CHUNK + KB);
    expect(pulled()).toBeLessThan(size);
  });

  it("a text field over its limit", async () => {
    const form = new FormData();
    form.append("notes", "x".repeat(limits.fieldBytes + 1));
    expect(await readMultipart((await chunkedForm(form)).request, limits)).toMatchObject({ ok: false, status: 413, error: "The field “notes” is longer than 4 KB." });
  });

  it("more fields than allowed", async () => {
    const form = new FormData();
    for (let i = 0; i < 11; i += 1) form.append(`f${i}`, "x");
    expect(await readMultipart((await chunkedForm(form)).request, limits)).toMatchObject({ ok: false, status: 413, error: "The form has more than 10 fields." });
  });
});
