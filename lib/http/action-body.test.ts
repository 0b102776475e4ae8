import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT, checkActionBody } from "./action-body";

// React's own encoder, as Next's client runs it for every server action call.
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-webpack/client.edge") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

const url = "http://localhost:3000/login";
const actionId = "7f" + "ab".repeat(20);

function post(body: BodyInit | null, headers: Record<string, string> = {}, fetchAction = true): Request {
  return new Request(url, { method: "POST", headers: { ...(fetchAction ? { "Next-Action": actionId } : {}), ...headers }, body });
}

/** A multipart body as bytes, with the Content-Type that names its boundary. */
async function multipartOf(form: FormData): Promise<{ bytes: Uint8Array<ArrayBuffer>; contentType: string }> {
  const encoded = new Request(url, { method: "POST", body: form });
  return { bytes: new Uint8Array(await encoded.arrayBuffer()), contentType: encoded.headers.get("content-type")! };
}

function signInForm(): FormData {
  const form = new FormData();
  form.append("email", "student@nanoproblem.test");
  form.append("password", "not-the-password");
  return form;
}

describe("server action bodies a browser sends", () => {
  it("passes a form action's reply (the form and its previous state) as React encodes it", async () => {
    const reply = await encodeReply([{ status: "idle" }, signInForm()]);
    expect(reply).toBeInstanceOf(FormData);
    expect(await checkActionBody(post(reply as FormData))).toEqual({ ok: true });
  });

  it("passes a reply with a file and outlined values", async () => {
    const form = signInForm();
    form.append("brief", new File(["Solve problem 3."], "brief.txt", { type: "text/plain" }));
    const reply = await encodeReply([form, new Map([["a", 1]]), new Date(0)]);
    expect(await checkActionBody(post(reply as FormData))).toEqual({ ok: true });
  });

  it("passes plain arguments, which React sends as text", async () => {
    const reply = await encodeReply(["7d0c", 3, { note: "$ and \u0000 are fine" }]);
    expect(typeof reply).toBe("string");
    expect(await checkActionBody(post(reply))).toEqual({ ok: true });
    expect(await checkActionBody(post(await encodeReply([])))).toEqual({ ok: true });
  });

  it("passes a form posted without JavaScript, and posts that are not actions", async () => {
    const form = signInForm();
    form.append(`$ACTION_ID_${actionId}`, "");
    expect(await checkActionBody(post(form, {}, false))).toEqual({ ok: true });
    expect(await checkActionBody(post("a=1", { "Content-Type": "application/x-www-form-urlencoded" }, false))).toEqual({ ok: true });
    // useActionState's form without JavaScript: a reference to the action and its descriptor.
    const withState = signInForm();
    withState.append("$ACTION_REF_1", "");
    withState.append("$ACTION_1:0", `{"id":"${actionId}","bound":"$@1"}`);
    withState.append("$ACTION_1:1", '[{"status":"idle"}]');
    withState.append("$ACTION_KEY", "k1");
    expect(await checkActionBody(post(withState, {}, false))).toEqual({ ok: true });
  });
});

describe("hostile server action bodies", () => {
  const refused = (status: number) => expect.objectContaining({ ok: false, status, reason: expect.stringMatching(/\S/) });

  it("refuses an empty body, in any type", async () => {
    expect(await checkActionBody(post(null))).toEqual(refused(415));
    expect(await checkActionBody(post("", { "Content-Type": "text/plain;charset=UTF-8" }))).toEqual(refused(400));
    expect(await checkActionBody(post("", { "Content-Type": "multipart/form-data; boundary=x" }))).toEqual(refused(400));
    expect(await checkActionBody(post("", { "Content-Type": "multipart/form-data; boundary=x" }, false))).toEqual(refused(400));
  });

  it("refuses garbage and a cut-short body under a multipart type", async () => {
    const garbage = new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 131) % 256));
    expect(await checkActionBody(post(garbage, { "Content-Type": "multipart/form-data; boundary=x" }))).toEqual(refused(400));
    const { bytes, contentType } = await multipartOf((await encodeReply([{ status: "idle" }, signInForm()])) as FormData);
    expect(await checkActionBody(post(bytes.slice(0, Math.floor(bytes.length / 2)), { "Content-Type": contentType }))).toEqual(refused(400));
    // Without JavaScript too: Next parses those bodies as well.
    expect(await checkActionBody(post(bytes.slice(0, Math.floor(bytes.length / 2)), { "Content-Type": contentType }, false))).toEqual(refused(400));
  });

  it("refuses a multipart type without a boundary, and types React never sends", async () => {
    const { bytes } = await multipartOf(signInForm());
    expect(await checkActionBody(post(bytes, { "Content-Type": "multipart/form-data" }))).toEqual(refused(415));
    expect(await checkActionBody(post("[]", { "Content-Type": "application/json" }))).toEqual(refused(415));
  });

  it("refuses text that is not React's reply, or JSON that is not the arguments array", async () => {
    expect(await checkActionBody(post("this is not JSON", { "Content-Type": "text/plain;charset=UTF-8" }))).toEqual(refused(400));
    expect(await checkActionBody(post('{"0":{"$ACTION_ID":"x"}}', { "Content-Type": "text/plain;charset=UTF-8" }))).toEqual(refused(400));
    expect(await checkActionBody(post(JSON.stringify(Array.from({ length: 1001 }, () => 0)), { "Content-Type": "text/plain" }))).toEqual(refused(400));
  });

  it("refuses a multipart action without its arguments, or with arguments of the wrong shape", async () => {
    expect(await checkActionBody(post(signInForm()))).toEqual(refused(400));
    const wrongShape = signInForm();
    wrongShape.append("0", '{"status":"idle"}');
    expect(await checkActionBody(post(wrongShape))).toEqual(refused(400));
    const notJson = signInForm();
    notJson.append("0", "[1,2");
    expect(await checkActionBody(post(notJson))).toEqual(refused(400));
  });

  it("refuses a reply that refers to parts it does not carry (React's decode would fail)", async () => {
    expect(await checkActionBody(post('["$1"]', { "Content-Type": "text/plain;charset=UTF-8" }))).toEqual(refused(400));
    expect(await checkActionBody(post('["$@2"]', { "Content-Type": "text/plain;charset=UTF-8" }))).toEqual(refused(400));
    const missingMap = signInForm();
    missingMap.append("0", '[{"status":"idle"},"$K1","$Q2"]');
    expect(await checkActionBody(post(missingMap))).toEqual(refused(400));
    const notJsonPart = signInForm();
    notJsonPart.append("2", "[[1,");
    notJsonPart.append("0", '["$Q2"]');
    expect(await checkActionBody(post(notJsonPart))).toEqual(refused(400));
  });

  it("refuses a multipart reply whose arguments refer to no part: React would have sent text", async () => {
    const numbers = signInForm();
    numbers.append("0", "[1,2,3]");
    expect(await checkActionBody(post(numbers))).toEqual(refused(400));
  });

  it("refuses an action id Next could never have made, and a form post that names no action", async () => {
    const reply = (await encodeReply([{ status: "idle" }, signInForm()])) as FormData;
    expect(await checkActionBody(new Request(url, { method: "POST", headers: { "Next-Action": "../../etc/passwd" }, body: reply }))).toEqual(refused(400));
    expect(await checkActionBody(post(signInForm(), {}, false))).toEqual(refused(400));
    const badRef = signInForm();
    badRef.append("$ACTION_REF_1", "");
    badRef.append("$ACTION_1:0", '{"id":"x"}');
    expect(await checkActionBody(post(badRef, {}, false))).toEqual(refused(400));
  });

  it("refuses a body that declares more than the limit without reading it", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request(url, { method: "POST", headers: { "Next-Action": actionId, "Content-Type": "text/plain", "Content-Length": String(ACTION_BODY_LIMIT + 1) }, body, duplex: "half" } as RequestInit);
    expect(await checkActionBody(request)).toEqual(refused(413));
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("stops reading a streamed body as soon as it passes the limit", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
      },
    });
    const request = new Request(url, { method: "POST", headers: { "Next-Action": actionId, "Content-Type": "multipart/form-data; boundary=x" }, body, duplex: "half" } as RequestInit);
    expect(await checkActionBody(request)).toEqual(refused(413));
    expect(sent).toBeLessThan(ACTION_BODY_LIMIT + 4 * 64 * 1024);
  });
});
