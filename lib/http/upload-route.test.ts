import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ok } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { encodedForm, openFilePart, streamedRequest } from "./test-streams";

const MAX_FILE = 256 * 1024;
const student: Actor = { id: "00000000-0000-4000-8000-000000000001", role: "student", email: "s@test", name: "Sam Student", mustChangePassword: false };

vi.mock("@/lib/auth/session", () => ({ currentActor: async () => student }));
vi.mock("@/lib/env", () => ({ serverEnv: () => ({ UPLOAD_MAX_BYTES: MAX_FILE }) }));

const { assignmentUploadRoute, uploadLimits } = await import("./upload-route");
const service = vi.fn(async (_actor: Actor, input: Record<string, unknown>) => ok({ received: Object.keys(input).sort() }));
const handler = assignmentUploadRoute(service);
const params = { params: Promise.resolve({ id: "a-1" }) };

beforeEach(() => {
  service.mockClear();
});

describe("the upload routes through their handler", () => {
  it("hand a well-formed form to the service, with the assignment from the URL", async () => {
    const form = new FormData();
    form.append("expectedVersion", "3");
    form.append("files", new File(["hello"], "notes.txt"));
    const { bytes, contentType } = await encodedForm(form);
    const response = await handler(streamedRequest(bytes, { contentType }).request, params);
    expect(response.status).toBe(201);
    expect(service).toHaveBeenCalledOnce();
    expect(service.mock.calls[0]![1]).toMatchObject({ assignmentId: "a-1", expectedVersion: "3", files: [{ name: "notes.txt" }] });
  });

  it.each([
    ["JSON", "application/json", '{"expectedVersion":3}', 415],
    ["text", "text/plain", "expectedVersion=3", 415],
    ["a multipart type without a boundary", "multipart/form-data", "--x\r\n\r\n", 415],
    ["garbage under a multipart type", "multipart/form-data; boundary=zzz", "\u0000\u0001garbage", 400],
    ["a truncated multipart body", "multipart/form-data; boundary=zzz", openFilePart("zzz", "a.pdf", "%PDF-1.4 and then nothing"), 400],
  ])("answer %s with a 4xx { error }, never reaching the service or the error log", async (_label, contentType, body, status) => {
    const error = vi.spyOn(logger, "error");
    const response = await handler(streamedRequest(body, { contentType }).request, params);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: expect.any(String) });
    expect(service).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
  });
});

describe("a chunked upload over a real socket", () => {
  let server: http.Server;
  let serverRead = 0;
  // Hands the request to the handler the way Next does: the Node request as a streamed web body.
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: req as unknown as BodyInit, duplex: "half" } as RequestInit);
      void handler(request, params).then(async (response) => {
        serverRead = res.socket?.bytesRead ?? Infinity;
        res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "text/plain" });
        res.end(Buffer.from(await response.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it("is refused with 413 after about the limit, not after the whole body", async () => {
    const { port } = server.address() as AddressInfo;
    const endless = 300 * 1024 * 1024;
    let sent = 0;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request({ host: "127.0.0.1", port, method: "POST", path: "/api/assignments/a-1/files", headers: { "content-type": "multipart/form-data; boundary=zzz", "transfer-encoding": "chunked" } });
      let answered = false;
      request.on("response", (response) => {
        answered = true; // a client stops sending once the server has answered
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => {
          resolve({ status: response.statusCode ?? 0, body });
          request.destroy();
        });
      });
      request.on("error", reject);
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      request.write(openFilePart("zzz", "huge.pdf"));
      const pump = () => {
        while (sent < endless && !answered) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once("drain", pump);
        }
      };
      pump();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: "“huge.pdf” is larger than 256 KB." });
    expect(service).not.toHaveBeenCalled();
    // The socket's own buffers allow some slack past the limit; nowhere near the 300 MB offered.
    expect(serverRead).toBeLessThan(uploadLimits().fileBytes + 2 * 1024 * 1024);
    expect(sent).toBeLessThan(endless);
  });
});
