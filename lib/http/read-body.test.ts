import { describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log/logger";
import { readJsonBody, readTextBody, readUrlEncodedBody, refuseBody } from "./read-body";
import { streamedRequest } from "./test-streams";

const KB = 1024;

describe("reading a text body with a limit", () => {
  it("returns text that encodes back to exactly the bytes sent, BOM and split characters included", async () => {
    const sent = new TextEncoder().encode("\uFEFF{\"name\":\"Zoë Łukasiewicz 王芳\"}\r\n");
    const { request } = streamedRequest(sent, { contentType: "application/json", chunkSize: 3 });
    const read = await readTextBody(request, KB);
    if (!read.ok) throw new Error(read.error);
    expect(new TextEncoder().encode(read.text)).toEqual(sent);
  });

  it("refuses a chunked body past the limit without reading the rest", async () => {
    const { request, pulled, cancelled } = streamedRequest("{", { thenForever: 32, chunkSize: KB });
    expect(await readTextBody(request, 64 * KB)).toMatchObject({ ok: false, reason: "too_large", status: 413, error: "The request body is larger than 64 KB." });
    expect(pulled()).toBeLessThanOrEqual(65 * KB);
    expect(cancelled()).toBe(true);
  });

  it("refuses a declared Content-Length past the limit before reading a byte", async () => {
    const { request, pulled } = streamedRequest("{}", { contentLength: 10 * KB });
    expect(await readTextBody(request, KB)).toMatchObject({ ok: false, reason: "too_large", status: 413 });
    expect(pulled()).toBe(0);
  });

  it("refuses bytes that are not UTF-8 rather than replacing them", async () => {
    const { request } = streamedRequest(Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(await readTextBody(request, KB)).toMatchObject({ ok: false, reason: "unreadable", status: 400, error: "The request body is not valid UTF-8 text." });
  });

  it("refuses a body whose connection breaks", async () => {
    const { request } = streamedRequest("{\"partial", { thenBreak: true });
    expect(await readTextBody(request, KB)).toMatchObject({ ok: false, reason: "unreadable", status: 400 });
  });

  it("reads an absent body as empty text", async () => {
    expect(await readTextBody(new Request("http://app.test/", { method: "POST" }), KB)).toEqual({ ok: true, text: "" });
  });
});

describe("JSON and URL-encoded bodies", () => {
  it("parses JSON sent as JSON, and takes an empty body as no value", async () => {
    expect(await readJsonBody(streamedRequest('{"expectedVersion":4}', { contentType: "application/json; charset=utf-8" }).request, KB)).toEqual({ ok: true, value: { expectedVersion: 4 } });
    expect(await readJsonBody(streamedRequest("").request, KB)).toEqual({ ok: true, value: undefined });
  });

  it("refuses JSON that does not parse (400) and a body of another type (415)", async () => {
    expect(await readJsonBody(streamedRequest('{"expectedVersion":', { contentType: "application/json" }).request, KB)).toMatchObject({ status: 400, error: "The request body is not valid JSON." });
    expect(await readJsonBody(streamedRequest('{"expectedVersion":4}', { contentType: "text/plain" }).request, KB)).toMatchObject({ status: 415 });
    expect(await readJsonBody(streamedRequest("--x\r\n", { contentType: "multipart/form-data" }).request, KB)).toMatchObject({ status: 415 });
  });

  it("parses a URL-encoded form and refuses other types", async () => {
    const read = await readUrlEncodedBody(streamedRequest("socket_id=1.2&channel_name=private-user-x", { contentType: "application/x-www-form-urlencoded;charset=UTF-8" }).request, KB);
    expect(read.ok && Object.fromEntries(read.form)).toEqual({ socket_id: "1.2", channel_name: "private-user-x" });
    expect(await readUrlEncodedBody(streamedRequest('{"socket_id":"1.2"}', { contentType: "application/json" }).request, KB)).toMatchObject({ status: 415 });
  });
});

it("answers a refusal as JSON { error } with its status, logged as a warning and never as an error", async () => {
  const warn = vi.spyOn(logger, "warn");
  const error = vi.spyOn(logger, "error");
  const request = streamedRequest("x").request;
  const response = refuseBody(request, { ok: false, reason: "too_large", status: 413, error: "The request body is larger than 1 KB." });
  expect(response.status).toBe(413);
  expect(await response.json()).toEqual({ error: "The request body is larger than 1 KB." });
  expect(warn).toHaveBeenCalledOnce();
  expect(error).not.toHaveBeenCalled();
});
