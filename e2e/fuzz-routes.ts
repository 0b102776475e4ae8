import { randomUUID } from "node:crypto";
import { multipart, type Part, type Send } from "./fuzz-kit";

/**
 * The fuzz suite's table: for every app/**\/route.ts, the hostile requests it must refuse and how.
 * A case names who sends it, what is sent, and the answer required: a 4xx (or the listed statuses)
 * with a reason, never a 5xx. Writes and error logs are checked around each route by the spec.
 */

export type Role = "anon" | "student" | "teacher" | "admin";

export type Expectation = {
  /** Allowed statuses; every one is a refusal. */
  status: number[];
  /** API routes answer JSON with a non-empty `error`. */
  jsonError?: boolean;
  /** A redirect's (3xx) Location must match (browser-facing routes refuse by sending the browser to a page that says so). */
  location?: RegExp;
  /** A streamed body must be answered before it ends: the server stopped reading at its limit. */
  answeredEarly?: boolean;
  /** A form action's 200 must carry its error state (what the form shows), never success. */
  formError?: boolean;
  /** The answer must match: the hostile value reached the action's own validation (its refusal names the field). */
  shows?: RegExp;
};

export type Case = { name: string; as: Role; request: Send; expect: Expectation };

/** Real objects of the seeded database the hostile requests aim at, so only the hostile part can be refused. */
export type Targets = {
  origin: string;
  studentAssignment: { id: string; version: number };
  teacherAssignment: { id: string; version: number };
  studentInvoice: { id: string; version: number };
  /** The demo student's Support thread. */
  studentThread: { id: string };
  /** The token of a closed visitor chat session made for the suite (writes to it are refused with 409). */
  visitorToken: string;
  /** The demo student's next meeting (not open yet: a join is refused with 409). */
  studentMeeting: { id: string };
};

export type RouteTable = { file: string; cases: (t: Targets) => Case[] };

const MB = 1024 * 1024;
/** The default per-file upload limit (UPLOAD_MAX_BYTES); a streamed file is twice that. */
const UPLOAD_FILE_LIMIT = 25 * MB;
/** Small-body routes (JSON, forms, webhooks) are streamed 16 MB, far past any limit they may have. */
const SMALL_BODY_STREAM = 16 * MB;

const CLIENT_ERROR = range(400, 499);
const PARSE_ERROR = [400, 415];
const TOO_LARGE = [413];
const NOT_FOUND_OR_BAD = [400, 404];

function range(from: number, to: number) {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const invalidUtf8 = Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x20, 0xc3, 0x28, 0xff, 0xfe, 0xa0, 0xa1]);
const nul = "Title\u0000with NUL";
const longText = "x".repeat(100_000);
const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
const oneMb = Buffer.alloc(MB, 0x61);

/** Ids that are not UUIDs, as they would appear in a URL path (already percent-encoded where needed). */
export const badPathIds = [
  "not-a-uuid",
  "1e309",
  "-0",
  "NaN",
  "%00",
  "%FF%FE",
  "..%2F..%2Fetc%2Fpasswd",
  "x".repeat(3000),
  "00000000-0000-0000-0000-00000000000g",
  "'%20or%201%3D1--",
];

/**
 * A non-UUID id in an API route's path: 400 or 404 with a JSON reason. A malformed percent-encoding
 * is refused by Next itself (its own 400 page) before any of the app's code runs, which is as it should be.
 */
function badIdExpectation(id: string): Expectation {
  return id.includes("%FF") ? { status: [400, 404] } : { status: NOT_FOUND_OR_BAD, jsonError: true };
}

/** A request with the same-origin header every browser sends on a POST from the app's own pages. */
function post(t: Targets, path: string, contentType: string | undefined, body: Buffer | string | undefined, extra: Record<string, string> = {}): Send {
  const headers: Record<string, string> = { Origin: t.origin, ...extra };
  if (contentType) headers["Content-Type"] = contentType;
  return { method: "POST", path, headers, body };
}

function streamed(t: Targets, path: string, contentType: string, totalBytes: number, prefix?: Buffer, extra: Record<string, string> = {}): Send {
  return { method: "POST", path, headers: { Origin: t.origin, "Content-Type": contentType, ...extra }, stream: { chunk: oneMb, totalBytes, prefix }, timeoutMs: 60_000 };
}

/** Methods a route does not export: Next answers 405 itself. */
function wrongMethods(path: string, allowed: string[], as: Role, t: Targets): Case[] {
  return ["GET", "POST", "PUT", "PATCH", "DELETE"]
    .filter((m) => !allowed.includes(m))
    .map((method) => ({ name: `${method} (not allowed)`, as, request: { method, path, headers: { Origin: t.origin }, body: method === "GET" ? undefined : "" }, expect: { status: [405] } }));
}

/** A header past Node's 16 KB limit: refused by the HTTP server before any code runs. */
function hugeHeader(path: string, method: string, as: Role): Case {
  return { name: "64 KB header", as, request: { method, path, headers: { "X-Fuzz": "h".repeat(64 * 1024) }, body: method === "GET" ? undefined : "" }, expect: { status: [431] } };
}

/** Bodies that are not what their Content-Type says, for a route that takes multipart. */
function framingCases(t: Targets, path: string, as: Role, valid: Part[], fileLimit: number): Case[] {
  const good = multipart(valid);
  const truncated = good.body.subarray(0, Math.floor(good.body.length * 0.6));
  const json = Buffer.from(JSON.stringify({ title: "Fuzz", expectedVersion: 1 }));
  const refuse = (name: string, contentType: string | undefined, body: Buffer | string): Case => ({ name, as, request: post(t, path, contentType, body), expect: { status: PARSE_ERROR, jsonError: true } });
  const boundary = "----fuzzboundary";
  const filePrefix = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n`);
  return [
    refuse("empty body, no type", undefined, ""),
    refuse("empty body under multipart", `multipart/form-data; boundary=${boundary}`, ""),
    refuse("JSON under multipart", `multipart/form-data; boundary=${boundary}`, json),
    refuse("text under multipart", `multipart/form-data; boundary=${boundary}`, "just some text, no parts at all"),
    refuse("garbage under multipart", `multipart/form-data; boundary=${boundary}`, garbage),
    refuse("truncated multipart", good.contentType, truncated),
    refuse("multipart without boundary", "multipart/form-data", good.body),
    refuse("two boundaries", `multipart/form-data; boundary=${boundary}; boundary=other`, good.body),
    refuse("JSON as application/json", "application/json", json),
    refuse("text/plain", "text/plain", "title=Fuzz"),
    refuse("urlencoded form", "application/x-www-form-urlencoded", "title=Fuzz&expectedVersion=1"),
    {
      name: `chunked file past the ${fileLimit / MB} MB file limit`,
      as,
      request: streamed(t, path, `multipart/form-data; boundary=${boundary}`, fileLimit * 2, filePrefix),
      expect: { status: TOO_LARGE, jsonError: true, answeredEarly: true },
    },
  ];
}

/** Valid framing, one hostile field each; everything else in the body is what a real form sends. */
function fieldCases(t: Targets, path: string, as: Role, valid: Part[], hostile: Array<{ name: string; change: (parts: Part[]) => Part[] }>): Case[] {
  return hostile.map(({ name, change }) => {
    const body = multipart(change(valid.map((p) => ({ ...p }))));
    return { name, as, request: post(t, path, body.contentType, body.body), expect: { status: [400, 413, 415, 422], jsonError: true } };
  });
}

const set = (field: string, value: string | Buffer) => (parts: Part[]) => parts.map((p) => (p.name === field ? { ...p, value } : p));
const drop = (field: string) => (parts: Part[]) => parts.filter((p) => p.name !== field);
const twice = (field: string, second: string) => (parts: Part[]) => [...parts, { name: field, value: second }];
const fileNamed = (filename: string | Buffer) => (parts: Part[]) => parts.map((p) => (p.filename !== undefined ? { ...p, filename } : p));

function versionCases(field = "expectedVersion") {
  return [
    { name: `${field} "1e309"`, change: set(field, "1e309") },
    { name: `${field} "-0"`, change: set(field, "-0") },
    { name: `${field} "NaN"`, change: set(field, "NaN") },
    { name: `${field} sent twice`, change: twice(field, "2") },
    { name: `${field} missing`, change: drop(field) },
  ];
}

const textFile: Part = { name: "files", filename: "notes.txt", type: "text/plain", value: "Fuzz notes for the brief.\n" };

function futureLocal(): string {
  return new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 16);
}

function requestParts(): Part[] {
  return [
    { name: "serviceType", value: "homework" },
    { name: "title", value: "Fuzz request title" },
    { name: "subject", value: "Mathematics" },
    { name: "instructions", value: "Solve the attached problems, showing every step." },
    { name: "dueAt", value: futureLocal() },
    { name: "timeZone", value: "UTC" },
    { name: "problemCount", value: "3" },
    { name: "courseLevel", value: "undergraduate" },
    textFile,
  ];
}

/** The JSON routes that start a payment: the body is `{ expectedVersion }`. */
function paymentCases(t: Targets, kind: "stripe-checkout" | "paypal-order"): Case[] {
  const path = `/api/invoices/${t.studentInvoice.id}/${kind}`;
  const bad = (name: string, contentType: string | undefined, body: Buffer | string, status = PARSE_ERROR): Case => ({ name, as: "student", request: post(t, path, contentType, body), expect: { status, jsonError: true } });
  const v = t.studentInvoice.version;
  return [
    bad("empty body", undefined, ""),
    bad("empty JSON body", "application/json", ""),
    bad("garbage under JSON", "application/json", garbage),
    bad("truncated JSON", "application/json", '{"expectedVersion":'),
    bad("JSON array", "application/json", "[1]"),
    bad("JSON null", "application/json", "null"),
    bad("JSON under multipart", "multipart/form-data; boundary=x", JSON.stringify({ expectedVersion: v })),
    bad("multipart without boundary", "multipart/form-data", "--x\r\n"),
    bad('expectedVersion "1e309"', "application/json", '{"expectedVersion":"1e309"}', [400]),
    bad("expectedVersion 1e309 (a number past Infinity)", "application/json", '{"expectedVersion":1e309}', [400]),
    bad('expectedVersion "-0"', "application/json", '{"expectedVersion":"-0"}', [400]),
    bad('expectedVersion "NaN"', "application/json", '{"expectedVersion":"NaN"}', [400]),
    bad("expectedVersion as an array", "application/json", `{"expectedVersion":[${v}]}`, [400]),
    bad("duplicate expectedVersion", "application/json", `{"expectedVersion":${v},"expectedVersion":"x"}`, [400]),
    bad("expectedVersion missing", "application/json", "{}", [400]),
    bad("NUL in expectedVersion", "application/json", `{"expectedVersion":"${v}\\u0000"}`, [400]),
    bad("invalid UTF-8 in expectedVersion", "application/json", Buffer.concat([Buffer.from(`{"expectedVersion":"${v}`), invalidUtf8, Buffer.from('"}')]), [400]),
    bad("expectedVersion a 2 MB string", "application/json", JSON.stringify({ expectedVersion: "9".repeat(2 * MB) }), [400, 413]),
    { name: "chunked JSON past the limit", as: "student", request: streamed(t, path, "application/json", SMALL_BODY_STREAM, Buffer.from('{"expectedVersion":1,"pad":"')), expect: { status: TOO_LARGE, jsonError: true, answeredEarly: true } },
    { name: "cross-site Origin", as: "student", request: post(t, path, "application/json", JSON.stringify({ expectedVersion: v }), { Origin: "https://evil.example" }), expect: { status: [403], jsonError: true } },
    { name: "signed out", as: "anon", request: post(t, path, "application/json", JSON.stringify({ expectedVersion: v })), expect: { status: [401, 403], jsonError: true } },
    ...badPathIds.map((id) => ({ name: `id ${id.slice(0, 40)}`, as: "student" as Role, request: post(t, `/api/invoices/${id}/${kind}`, "application/json", JSON.stringify({ expectedVersion: v })), expect: badIdExpectation(id) })),
    ...wrongMethods(path, ["POST"], "student", t),
    hugeHeader(path, "POST", "student"),
  ];
}

/**
 * A JSON route of the app's own pages: framing, hostile values in each field (a 4xx naming the
 * reason, nothing written), a cross-site or signed-out caller, malformed ids in the path.
 */
/** `sender`: who sends the hostile bodies (staff-only routes refuse a student before reading the fields). */
function jsonCases(t: Targets, method: "POST" | "PATCH", path: string, valid: Record<string, unknown>, fields: Array<{ name: string; body: string | Buffer }>, pathFor: (id: string) => string, allowed: string[], sender: Role = "student"): Case[] {
  const send = (name: string, contentType: string | undefined, body: Buffer | string, status = PARSE_ERROR, as: Role = sender, extra: Record<string, string> = {}): Case => ({
    name,
    as,
    request: { ...post(t, path, contentType, body, extra), method },
    expect: { status, jsonError: true },
  });
  return [
    // 4 KB of garbage is past the smallest routes' limit (read receipts take 1 KB).
    send("garbage under JSON", "application/json", garbage, [...PARSE_ERROR, 413]),
    send("truncated JSON", "application/json", '{"body":'),
    send("JSON array", "application/json", "[1]", [400]),
    send("JSON string", "application/json", '"hello"', [400]),
    send("JSON under multipart", "multipart/form-data; boundary=x", JSON.stringify(valid)),
    send("urlencoded form", "application/x-www-form-urlencoded", "body=hi"),
    send("invalid UTF-8 body", "application/json", Buffer.concat([Buffer.from('{"body":"'), invalidUtf8, Buffer.from('"}')]), [400]),
    ...fields.map((field) => send(field.name, "application/json", field.body, [400, 404, 409, 413])),
    { name: "chunked JSON past the limit", as: sender, request: { ...streamed(t, path, "application/json", SMALL_BODY_STREAM, Buffer.from('{"body":"')), method }, expect: { status: TOO_LARGE, jsonError: true, answeredEarly: true } },
    send("cross-site Origin", "application/json", JSON.stringify(valid), [403], sender, { Origin: "https://evil.example" }),
    send("signed out", "application/json", JSON.stringify(valid), [401, 403], "anon"),
    ...badPathIds.map((id): Case => ({ name: `id ${id.slice(0, 40)}`, as: sender, request: { ...post(t, pathFor(id), "application/json", JSON.stringify(valid)), method }, expect: badIdExpectation(id) })),
    ...wrongMethods(path, allowed, sender, t),
    hugeHeader(path, method, sender),
  ];
}

/**
 * The CS-rep console's routes (/api/visitor-sessions/…): staff only, so an admin sends the hostile
 * bodies (to a conversation that does not exist: valid bodies answer 404), and a student or a
 * teacher is refused outright.
 */
function visitorSessionCases(t: Targets, action: string, valid: Record<string, unknown>, fields: Array<{ name: string; body: string | Buffer }>, allowed = ["POST"]): Case[] {
  const at = (id: string) => `/api/visitor-sessions/${id}/${action}`;
  const path = at(randomUUID());
  return [
    ...jsonCases(t, "POST", path, valid, fields, at, allowed, "admin"),
    ...(["student", "teacher"] as const).map((as): Case => ({ name: `${as} refused`, as, request: post(t, path, "application/json", JSON.stringify(valid)), expect: { status: [403], jsonError: true } })),
  ];
}

function threadMessageFields(): Array<{ name: string; body: string | Buffer }> {
  const id = randomUUID();
  return [
    { name: "body missing", body: JSON.stringify({ clientMessageId: id }) },
    { name: "body whitespace", body: JSON.stringify({ clientMessageId: id, body: " \n\t " }) },
    { name: "body 10,001 characters", body: JSON.stringify({ clientMessageId: id, body: "x".repeat(10_001) }) },
    { name: "body 100,000 characters", body: JSON.stringify({ clientMessageId: id, body: longText }) },
    { name: "NUL in the body", body: JSON.stringify({ clientMessageId: id, body: nul }) },
    { name: "body a number", body: JSON.stringify({ clientMessageId: id, body: 1e309 }) },
    { name: "body an object", body: JSON.stringify({ clientMessageId: id, body: { toString: "x" } }) },
    { name: "clientMessageId missing", body: JSON.stringify({ body: "Hello" }) },
    { name: 'clientMessageId "NaN"', body: JSON.stringify({ clientMessageId: "NaN", body: "Hello" }) },
    { name: "attachmentIds not a list", body: JSON.stringify({ clientMessageId: id, body: "Hello", attachmentIds: "x" }) },
    { name: "11 attachmentIds", body: JSON.stringify({ clientMessageId: id, body: "Hello", attachmentIds: Array.from({ length: 11 }, () => randomUUID()) }) },
    { name: "someone else's attachment id", body: JSON.stringify({ clientMessageId: id, body: "Hello", attachmentIds: [randomUUID()] }) },
  ];
}

function webhookCases(t: Targets, provider: "stripe" | "paypal"): Case[] {
  const path = `/api/webhooks/${provider}`;
  const event = provider === "stripe"
    ? { id: `evt_fuzz_${randomUUID()}`, object: "event", type: "charge.refunded", data: { object: { id: "ch_fuzz", amount_refunded: 100 } } }
    : { id: `WH-FUZZ-${randomUUID()}`, event_type: "PAYMENT.CAPTURE.REFUNDED", resource: { id: "FUZZ" } };
  const body = JSON.stringify(event);
  const forged: Record<string, string> = provider === "stripe"
    ? { "Stripe-Signature": `t=${Math.floor(Date.now() / 1000)},v1=${"ab".repeat(32)}` }
    : { "Paypal-Transmission-Id": randomUUID(), "Paypal-Transmission-Time": new Date().toISOString(), "Paypal-Transmission-Sig": "Zm9yZ2Vk", "Paypal-Cert-Url": "https://api.sandbox.paypal.com/v1/notifications/certs/CERT-fuzz", "Paypal-Auth-Algo": "SHA256withRSA" };
  // Providers send no Origin; webhooks are server to server.
  const hook = (name: string, contentType: string | undefined, payload: Buffer | string, headers: Record<string, string> = {}): Case => ({
    name,
    as: "anon",
    request: { method: "POST", path, headers: { ...(contentType ? { "Content-Type": contentType } : {}), ...headers }, body: payload },
    expect: { status: contentType?.startsWith("multipart/") ? [400, 415] : [400], jsonError: true },
  });
  return [
    hook("empty, unsigned", undefined, ""),
    hook("event, unsigned", "application/json", body),
    hook("event, forged signature", "application/json", body, forged),
    hook("garbage, forged signature", "application/json", garbage, forged),
    hook("invalid UTF-8, forged signature", "application/json", Buffer.concat([Buffer.from(body.slice(0, -1) + ',"x":"'), invalidUtf8, Buffer.from('"}')]), forged),
    hook("NUL bytes, forged signature", "application/json", body.replace('"object"', '"ob\\u0000ject"'), forged),
    hook("event under multipart", "multipart/form-data; boundary=x", body, forged),
    hook("signature header twice", "application/json", body, provider === "stripe" ? { "Stripe-Signature": `${forged["Stripe-Signature"]}, t=1,v1=00` } : { ...forged, "Paypal-Auth-Algo": "none" }),
    { name: "chunked past 1 MB", as: "anon", request: { method: "POST", path, headers: { "Content-Type": "application/json", ...forged }, stream: { chunk: oneMb, totalBytes: SMALL_BODY_STREAM, prefix: Buffer.from('{"pad":"') }, timeoutMs: 60_000 }, expect: { status: TOO_LARGE, jsonError: true, answeredEarly: true } },
    ...wrongMethods(path, ["POST"], "anon", t),
    hugeHeader(path, "POST", "anon"),
  ];
}

function downloadCases(t: Targets, pathFor: (id: string) => string): Case[] {
  const path = pathFor(randomUUID());
  return [
    { name: "unknown id", as: "student", request: { method: "GET", path }, expect: { status: [404], jsonError: true } },
    { name: "signed out", as: "anon", request: { method: "GET", path }, expect: { status: [401, 403, 404], jsonError: true } },
    ...badPathIds.map((id) => ({ name: `id ${id.slice(0, 40)}`, as: "student" as Role, request: { method: "GET", path: pathFor(id) }, expect: badIdExpectation(id) })),
    ...wrongMethods(path, ["GET"], "student", t),
    hugeHeader(path, "GET", "student"),
  ];
}

/** The visitor chat widget's API: a Bearer token instead of a session cookie, CORS only for listed sites. */
function widgetJsonCases(t: Targets, path: string, valid: Record<string, unknown>, fields: Array<{ name: string; body: string | Buffer }>, withToken = true): Case[] {
  const auth: Record<string, string> = withToken ? { Authorization: `Bearer ${t.visitorToken}` } : {};
  const send = (name: string, contentType: string | undefined, body: Buffer | string, status: number[] = PARSE_ERROR, extra: Record<string, string> = {}): Case => ({
    name,
    as: "anon",
    request: post(t, path, contentType, body, { ...auth, ...extra }),
    expect: { status, jsonError: true },
  });
  return [
    send("garbage under JSON", "application/json", garbage, [...PARSE_ERROR, 413]),
    send("truncated JSON", "application/json", '{"body":'),
    send("JSON array", "application/json", "[1]", [400]),
    send("JSON string", "application/json", '"hello"', [400]),
    send("JSON null", "application/json", "null", [400]),
    send("JSON under multipart", "multipart/form-data; boundary=x", JSON.stringify(valid)),
    send("urlencoded form", "application/x-www-form-urlencoded", "body=hi"),
    send("invalid UTF-8 body", "application/json", Buffer.concat([Buffer.from('{"body":"'), invalidUtf8, Buffer.from('"}')]), [400]),
    ...fields.map((field) => send(field.name, "application/json", field.body, [400, 413])),
    { name: "chunked JSON past the limit", as: "anon", request: { ...streamed(t, path, "application/json", SMALL_BODY_STREAM, Buffer.from('{"body":"'), auth) }, expect: { status: TOO_LARGE, jsonError: true, answeredEarly: true } },
    send("a site not listed in WIDGET_ALLOWED_ORIGINS", "application/json", JSON.stringify(valid), [403], { Origin: "https://evil.example" }),
    send("an opaque (null) Origin", "application/json", JSON.stringify(valid), [403], { Origin: "null" }),
    { name: "preflight from a site not listed", as: "anon", request: { method: "OPTIONS", path, headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST" } }, expect: { status: [403], jsonError: true } },
    ...wrongMethods(path, ["POST"], "anon", t),
    hugeHeader(path, "POST", "anon"),
  ];
}

/** Tokens that are not this visitor's: none, forged, malformed, another scheme. */
function badTokens(t: Targets): Array<{ name: string; headers: Record<string, string> }> {
  return [
    { name: "no token", headers: {} },
    { name: "forged token", headers: { Authorization: `Bearer ${"A".repeat(43)}` } },
    { name: "token 5,000 characters", headers: { Authorization: `Bearer ${"A".repeat(5000)}` } },
    { name: "token with a percent-escape", headers: { Authorization: `Bearer ${t.visitorToken.slice(0, 40)}%00` } },
    { name: "Basic scheme", headers: { Authorization: `Basic ${t.visitorToken}` } },
    { name: "token without scheme", headers: { Authorization: t.visitorToken } },
  ];
}

function widgetReadOnly(t: Targets, path: string): Case[] {
  return [
    ...badTokens(t).map(({ name, headers }): Case => ({ name, as: "anon", request: { method: "GET", path, headers }, expect: { status: [401], jsonError: true } })),
    { name: "a site not listed in WIDGET_ALLOWED_ORIGINS", as: "anon", request: { method: "GET", path, headers: { Origin: "https://evil.example", Authorization: `Bearer ${t.visitorToken}` } }, expect: { status: [403], jsonError: true } },
    { name: "preflight from a site not listed", as: "anon", request: { method: "OPTIONS", path, headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "GET" } }, expect: { status: [403], jsonError: true } },
    hugeHeader(path, "GET", "anon"),
  ];
}

export const routeTable: RouteTable[] = [
  {
    file: "app/api/threads/[id]/messages/route.ts",
    cases: (t) => {
      const path = `/api/threads/${t.studentThread.id}/messages`;
      return [
        ...jsonCases(t, "POST", path, { clientMessageId: randomUUID(), body: "Hello" }, threadMessageFields(), (id) => `/api/threads/${id}/messages`, ["GET", "POST"]),
        { name: "GET before=1e309", as: "student", request: { method: "GET", path: `${path}?before=1e309` }, expect: { status: [400], jsonError: true } },
        { name: "GET after=-0&after=NaN", as: "student", request: { method: "GET", path: `${path}?after=-0&after=NaN` }, expect: { status: [400], jsonError: true } },
        { name: "GET limit=100000", as: "student", request: { method: "GET", path: `${path}?limit=100000` }, expect: { status: [400], jsonError: true } },
        { name: "GET another's thread", as: "teacher", request: { method: "GET", path }, expect: { status: [404], jsonError: true } },
        { name: "GET signed out", as: "anon", request: { method: "GET", path }, expect: { status: [401], jsonError: true } },
      ];
    },
  },
  {
    file: "app/api/threads/[id]/messages/[messageId]/route.ts",
    cases: (t) => {
      const at = (threadId: string) => `/api/threads/${threadId}/messages/${randomUUID()}`;
      const path = at(t.studentThread.id);
      const fields = [
        { name: "body missing", body: "{}" },
        { name: "body 10,001 characters", body: JSON.stringify({ body: "x".repeat(10_001) }) },
        { name: "NUL in the body", body: JSON.stringify({ body: nul }) },
        { name: "unknown message", body: JSON.stringify({ body: "Edited" }) },
      ];
      return [
        ...jsonCases(t, "PATCH", path, { body: "Edited" }, fields, at, ["PATCH", "DELETE"]),
        { name: "DELETE unknown message", as: "student", request: { method: "DELETE", path, headers: { Origin: t.origin } }, expect: { status: [404], jsonError: true } },
        ...badPathIds.map((id): Case => ({ name: `DELETE message id ${id.slice(0, 40)}`, as: "student", request: { method: "DELETE", path: `/api/threads/${t.studentThread.id}/messages/${id}`, headers: { Origin: t.origin } }, expect: badIdExpectation(id) })),
      ];
    },
  },
  {
    file: "app/api/threads/[id]/read/route.ts",
    cases: (t) => {
      const path = `/api/threads/${t.studentThread.id}/read`;
      const fields = [
        { name: "seq missing", body: "{}" },
        { name: 'seq "1e309"', body: '{"seq":"1e309"}' },
        { name: "seq 1e309", body: '{"seq":1e309}' },
        { name: "seq -1", body: '{"seq":-1}' },
        { name: "seq 1.5", body: '{"seq":1.5}' },
        { name: "seq past int4", body: '{"seq":99999999999}' },
      ];
      return jsonCases(t, "POST", path, { seq: 1 }, fields, (id) => `/api/threads/${id}/read`, ["POST"]);
    },
  },
  {
    file: "app/api/threads/[id]/attachments/route.ts",
    cases: (t) => {
      const path = `/api/threads/${t.studentThread.id}/attachments`;
      const valid: Part[] = [{ ...textFile, name: "file" }];
      // One encoding: each multipart() call draws its own boundary.
      const upload = multipart(valid);
      return [
        ...framingCases(t, path, "student", valid, UPLOAD_FILE_LIMIT),
        ...fieldCases(t, path, "student", valid, [
          { name: "no file", change: () => [{ name: "note", value: "no file here" }] },
          { name: "two files", change: (parts) => [...parts, { ...textFile, name: "file", filename: "second.txt" }] },
          { name: "HTML file", change: () => [{ name: "file", filename: "page.html", type: "text/html", value: "<script>alert(1)</script>" }] },
          { name: "invalid UTF-8 in a file name", change: fileNamed(Buffer.concat([Buffer.from("notes-"), invalidUtf8, Buffer.from(".txt")])) },
          { name: "NUL in a file name", change: fileNamed("notes\u0000.txt") },
        ]),
        { name: "another's thread", as: "teacher", request: post(t, path, upload.contentType, upload.body), expect: { status: [404], jsonError: true } },
        { name: "signed out", as: "anon", request: post(t, path, upload.contentType, upload.body), expect: { status: [401, 403], jsonError: true } },
        ...badPathIds.map((id): Case => ({ name: `id ${id.slice(0, 40)}`, as: "student", request: post(t, `/api/threads/${id}/attachments`, upload.contentType, upload.body), expect: badIdExpectation(id) })),
        ...wrongMethods(path, ["POST"], "student", t),
        hugeHeader(path, "POST", "student"),
      ];
    },
  },
  {
    file: "app/api/threads/[id]/attachments/[attachmentId]/route.ts",
    cases: (t) => {
      const path = `/api/threads/${t.studentThread.id}/attachments/${randomUUID()}`;
      return [
        { name: "unknown attachment", as: "student", request: { method: "DELETE", path, headers: { Origin: t.origin } }, expect: { status: [404], jsonError: true } },
        { name: "cross-site Origin", as: "student", request: { method: "DELETE", path, headers: { Origin: "https://evil.example" } }, expect: { status: [403], jsonError: true } },
        { name: "signed out", as: "anon", request: { method: "DELETE", path, headers: { Origin: t.origin } }, expect: { status: [401, 403], jsonError: true } },
        ...badPathIds.map((id): Case => ({ name: `id ${id.slice(0, 40)}`, as: "student", request: { method: "DELETE", path: `/api/threads/${t.studentThread.id}/attachments/${id}`, headers: { Origin: t.origin } }, expect: badIdExpectation(id) })),
        ...wrongMethods(path, ["DELETE"], "student", t),
        hugeHeader(path, "DELETE", "student"),
      ];
    },
  },
  {
    file: "app/api/threads/recipients/route.ts",
    cases: (t) => {
      const path = "/api/threads/recipients";
      return [
        { name: "q 5,000 characters", as: "student", request: { method: "GET", path: `${path}?q=${"%25".repeat(5000)}` }, expect: { status: [200] } },
        { name: "q with NUL and invalid UTF-8", as: "student", request: { method: "GET", path: `${path}?q=%00%FF%FE` }, expect: { status: [200, 400] } },
        { name: "signed out", as: "anon", request: { method: "GET", path }, expect: { status: [401], jsonError: true } },
        ...wrongMethods(path, ["GET"], "student", t),
        hugeHeader(path, "GET", "student"),
      ];
    },
  },
  {
    file: "app/api/meetings/invitees/route.ts",
    cases: (t) => {
      const path = "/api/meetings/invitees";
      return [
        { name: "q 5,000 characters", as: "student", request: { method: "GET", path: `${path}?q=${"%25".repeat(5000)}` }, expect: { status: [200] } },
        { name: "q with NUL and invalid UTF-8", as: "student", request: { method: "GET", path: `${path}?q=%00%FF%FE` }, expect: { status: [200, 400] } },
        { name: "signed out", as: "anon", request: { method: "GET", path }, expect: { status: [401], jsonError: true } },
        ...wrongMethods(path, ["GET"], "student", t),
        hugeHeader(path, "GET", "student"),
      ];
    },
  },
  {
    file: "app/api/meetings/availability/route.ts",
    cases: (t) => {
      const path = "/api/meetings/availability";
      const query = (fields: Record<string, string>) => `${path}?${new URLSearchParams({ inviteeId: randomUUID(), date: "2030-01-15", timeZone: "UTC", durationMinutes: "30", ...fields })}`;
      return [
        { name: "no query", as: "student", request: { method: "GET", path }, expect: { status: [400], jsonError: true } },
        { name: "unknown person", as: "student", request: { method: "GET", path: query({}) }, expect: { status: [404], jsonError: true } },
        { name: "malformed invitee id", as: "student", request: { method: "GET", path: query({ inviteeId: "../../x%00" }) }, expect: { status: [400], jsonError: true } },
        { name: "date not a day", as: "student", request: { method: "GET", path: query({ date: "2030-02-31T00:00" }) }, expect: { status: [400], jsonError: true } },
        { name: "zone not a zone", as: "student", request: { method: "GET", path: query({ timeZone: "../../etc/passwd" }) }, expect: { status: [400], jsonError: true } },
        { name: "duration 10^12 minutes", as: "student", request: { method: "GET", path: query({ durationMinutes: "1000000000000" }) }, expect: { status: [400], jsonError: true } },
        { name: "signed out", as: "anon", request: { method: "GET", path: query({}) }, expect: { status: [401], jsonError: true } },
        ...wrongMethods(path, ["GET"], "student", t),
        hugeHeader(path, "GET", "student"),
      ];
    },
  },
  {
    file: "app/api/meetings/[id]/attendance/route.ts",
    cases: (t) => {
      const path = `/api/meetings/${t.studentMeeting.id}/attendance`;
      const fields = [
        { name: "event missing", body: "{}" },
        { name: "event dance", body: '{"event":"dance"}' },
        { name: "event 1e309", body: '{"event":1e309}' },
        { name: "event NUL", body: '{"event":"join\\u0000"}' },
        { name: "event array", body: '{"event":["join","leave"]}' },
      ];
      return [
        ...jsonCases(t, "POST", path, { event: "join" }, fields, (id) => `/api/meetings/${id}/attendance`, ["POST"]),
        { name: "join before the room opens", as: "student", request: post(t, path, "application/json", '{"event":"join"}'), expect: { status: [409], jsonError: true } },
        { name: "someone else's meeting", as: "admin", request: post(t, path, "application/json", '{"event":"join"}'), expect: { status: [404], jsonError: true } },
      ];
    },
  },
  {
    file: "app/api/meetings/[id]/ics/route.ts",
    cases: (t) => [
      ...downloadCases(t, (id) => `/api/meetings/${id}/ics`),
      { name: "someone else's meeting", as: "admin", request: { method: "GET", path: `/api/meetings/${t.studentMeeting.id}/ics` }, expect: { status: [404], jsonError: true } },
    ],
  },
  {
    file: "app/api/health/route.ts",
    cases: (t) => [...wrongMethods("/api/health", ["GET"], "anon", t), hugeHeader("/api/health", "GET", "anon")],
  },
  {
    file: "app/api/calendar/[token]/route.ts",
    cases: (t) => {
      const path = "/api/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics";
      return [
        { name: "unknown token", as: "anon", request: { method: "GET", path }, expect: { status: [404], jsonError: true } },
        ...badPathIds.map((id): Case => ({ name: `token ${id.slice(0, 40)}`, as: "anon", request: { method: "GET", path: `/api/calendar/${id}.ics` }, expect: badIdExpectation(id) })),
        ...wrongMethods(path, ["GET"], "anon", t),
        hugeHeader(path, "GET", "anon"),
      ];
    },
  },
  {
    file: "app/api/visitor-sessions/route.ts",
    cases: (t) => {
      const path = "/api/visitor-sessions";
      return [
        { name: "q 5,000 characters", as: "admin", request: { method: "GET", path: `${path}?view=live&q=${"%25".repeat(5000)}` }, expect: { status: [200] } },
        { name: "unknown view, bad cursor", as: "admin", request: { method: "GET", path: `${path}?view=../../x&cursor=${"A".repeat(300)}` }, expect: { status: [200] } },
        { name: "q with NUL and invalid UTF-8", as: "admin", request: { method: "GET", path: `${path}?q=%00%FF%FE` }, expect: { status: [200, 400] } },
        { name: "student refused", as: "student", request: { method: "GET", path }, expect: { status: [403], jsonError: true } },
        { name: "teacher refused", as: "teacher", request: { method: "GET", path }, expect: { status: [403], jsonError: true } },
        { name: "signed out", as: "anon", request: { method: "GET", path }, expect: { status: [401], jsonError: true } },
        ...wrongMethods(path, ["GET"], "admin", t),
        hugeHeader(path, "GET", "admin"),
      ];
    },
  },
  {
    file: "app/api/visitor-sessions/[id]/route.ts",
    cases: (t) => {
      const path = `/api/visitor-sessions/${randomUUID()}`;
      return [
        { name: "unknown id", as: "admin", request: { method: "GET", path }, expect: { status: [404], jsonError: true } },
        ...badPathIds.map((id): Case => ({ name: `id ${id.slice(0, 40)}`, as: "admin", request: { method: "GET", path: `/api/visitor-sessions/${id}` }, expect: badIdExpectation(id) })),
        { name: "student refused", as: "student", request: { method: "GET", path }, expect: { status: [403], jsonError: true } },
        { name: "signed out", as: "anon", request: { method: "GET", path }, expect: { status: [401], jsonError: true } },
        ...wrongMethods(path, ["GET"], "admin", t),
        hugeHeader(path, "GET", "admin"),
      ];
    },
  },
  {
    file: "app/api/visitor-sessions/[id]/claim/route.ts",
    cases: (t) => visitorSessionCases(t, "claim", {}, [{ name: "unknown conversation", body: "{}" }]),
  },
  {
    file: "app/api/visitor-sessions/[id]/transfer/route.ts",
    cases: (t) =>
      visitorSessionCases(t, "transfer", { toUserId: randomUUID() }, [
        { name: "toUserId missing", body: "{}" },
        { name: 'toUserId "NaN"', body: '{"toUserId":"NaN"}' },
        { name: "toUserId a list", body: JSON.stringify({ toUserId: [randomUUID()] }) },
      ]),
  },
  {
    file: "app/api/visitor-sessions/[id]/close/route.ts",
    cases: (t) =>
      visitorSessionCases(t, "close", { reason: "Answered" }, [
        { name: "reason missing", body: "{}" },
        { name: "reason whitespace", body: '{"reason":"  "}' },
        { name: "reason 301 characters", body: JSON.stringify({ reason: "x".repeat(301) }) },
        { name: "NUL in the reason", body: JSON.stringify({ reason: nul }) },
      ]),
  },
  {
    file: "app/api/visitor-sessions/[id]/messages/route.ts",
    cases: (t) => {
      const id = randomUUID();
      return [
        ...visitorSessionCases(
          t,
          "messages",
          { clientMessageId: randomUUID(), body: "Hello" },
          [
            { name: "body missing", body: JSON.stringify({ clientMessageId: id }) },
            { name: "body 2,001 characters", body: JSON.stringify({ clientMessageId: id, body: "x".repeat(2_001) }) },
            { name: "NUL in the body", body: JSON.stringify({ clientMessageId: id, body: nul }) },
            { name: "body an object", body: JSON.stringify({ clientMessageId: id, body: { toString: "x" } }) },
            { name: 'clientMessageId "NaN"', body: JSON.stringify({ clientMessageId: "NaN", body: "Hello" }) },
          ],
          ["GET", "POST"],
        ),
        { name: "GET after=1e309", as: "admin", request: { method: "GET", path: `/api/visitor-sessions/${id}/messages?after=1e309` }, expect: { status: [400], jsonError: true } },
        { name: "GET after=-1", as: "admin", request: { method: "GET", path: `/api/visitor-sessions/${id}/messages?after=-1` }, expect: { status: [400], jsonError: true } },
        { name: "GET unknown conversation", as: "admin", request: { method: "GET", path: `/api/visitor-sessions/${id}/messages?after=0` }, expect: { status: [404], jsonError: true } },
        { name: "GET student refused", as: "student", request: { method: "GET", path: `/api/visitor-sessions/${id}/messages` }, expect: { status: [403], jsonError: true } },
      ];
    },
  },
  {
    file: "app/api/visitor-sessions/[id]/read/route.ts",
    cases: (t) =>
      visitorSessionCases(t, "read", { seq: 1 }, [
        { name: "seq missing", body: "{}" },
        { name: "seq 1e309", body: '{"seq":1e309}' },
        { name: "seq -1", body: '{"seq":-1}' },
        { name: "seq past int4", body: '{"seq":99999999999}' },
      ]),
  },
  {
    file: "app/api/visitor-sessions/[id]/convert/route.ts",
    cases: (t) =>
      visitorSessionCases(t, "convert", { fullName: "Fuzz Visitor", email: "fuzz.visitor@example.test" }, [
        { name: "fields missing", body: "{}" },
        { name: "markup in the name", body: JSON.stringify({ fullName: "<script>x</script>", email: "a@example.test" }) },
        { name: "malformed email", body: JSON.stringify({ fullName: "Fuzz", email: "not-an-email" }) },
        { name: "name 100,000 characters", body: JSON.stringify({ fullName: longText, email: "a@example.test" }) },
        { name: "NUL in the name", body: JSON.stringify({ fullName: nul, email: "a@example.test" }) },
      ]),
  },
  {
    file: "app/api/files/messages/[id]/route.ts",
    cases: (t) => downloadCases(t, (id) => `/api/files/messages/${id}`),
  },
  {
    file: "app/api/assignments/route.ts",
    cases: (t) => {
      const path = "/api/assignments";
      const valid = requestParts();
      return [
        ...framingCases(t, path, "student", valid, UPLOAD_FILE_LIMIT),
        ...fieldCases(t, path, "student", valid, [
          { name: "title missing", change: drop("title") },
          { name: "title sent twice", change: twice("title", "Another title") },
          { name: "serviceType sent twice", change: twice("serviceType", "writing") },
          { name: 'problemCount "1e309"', change: set("problemCount", "1e309") },
          { name: 'problemCount "-0"', change: set("problemCount", "-0") },
          { name: 'problemCount "NaN"', change: set("problemCount", "NaN") },
          { name: "title 100,000 characters", change: set("title", longText) },
          { name: "NUL in the title", change: set("title", nul) },
          { name: "NUL in the instructions", change: set("instructions", `Solve these problems\u0000 please, every step.`) },
          { name: "invalid UTF-8 in the title", change: set("title", invalidUtf8) },
          { name: "invalid UTF-8 in a file name", change: fileNamed(Buffer.concat([Buffer.from("brief-"), invalidUtf8, Buffer.from(".txt")])) },
          { name: "NUL in a file name", change: fileNamed("brief\u0000.txt") },
          { name: "a file under the title field", change: (parts) => [...drop("title")(parts), { name: "title", filename: "title.txt", type: "text/plain", value: "Fuzz title" }] },
        ]),
        { name: "cross-site Origin", as: "student", request: post(t, path, multipart(valid).contentType, multipart(valid).body, { Origin: "https://evil.example" }), expect: { status: [403], jsonError: true } },
        { name: "signed out", as: "anon", request: post(t, path, multipart(valid).contentType, multipart(valid).body), expect: { status: [401, 403], jsonError: true } },
        ...wrongMethods(path, ["POST"], "student", t),
        hugeHeader(path, "POST", "student"),
      ];
    },
  },
  {
    file: "app/api/assignments/[id]/files/route.ts",
    cases: (t) => {
      const path = `/api/assignments/${t.studentAssignment.id}/files`;
      const valid: Part[] = [{ name: "expectedVersion", value: String(t.studentAssignment.version) }, textFile];
      return [
        ...framingCases(t, path, "student", valid, UPLOAD_FILE_LIMIT),
        ...fieldCases(t, path, "student", valid, [
          ...versionCases(),
          { name: "no file", change: (parts) => parts.filter((p) => p.filename === undefined) },
          { name: "invalid UTF-8 in a file name", change: fileNamed(Buffer.concat([Buffer.from("brief-"), invalidUtf8, Buffer.from(".txt")])) },
          { name: "NUL in a file name", change: fileNamed("brief\u0000.txt") },
        ]),
        ...badPathIds.map((id) => {
          const body = multipart(valid);
          return { name: `id ${id.slice(0, 40)}`, as: "student" as Role, request: post(t, `/api/assignments/${id}/files`, body.contentType, body.body), expect: badIdExpectation(id) };
        }),
        ...wrongMethods(path, ["POST"], "student", t),
        hugeHeader(path, "POST", "student"),
      ];
    },
  },
  {
    file: "app/api/assignments/[id]/deliveries/route.ts",
    cases: (t) => {
      const path = `/api/assignments/${t.teacherAssignment.id}/deliveries`;
      const valid: Part[] = [
        { name: "expectedVersion", value: String(t.teacherAssignment.version) },
        { name: "notes", value: "Fuzz delivery notes" },
        { name: "textSolution", value: "x = 2 because 2 + 2 = 4" },
      ];
      return [
        ...framingCases(t, path, "teacher", valid, UPLOAD_FILE_LIMIT),
        ...fieldCases(t, path, "teacher", valid, [
          ...versionCases(),
          { name: "notes sent twice", change: twice("notes", "second notes") },
          { name: "textSolution 300,000 characters", change: set("textSolution", "y".repeat(300_000)) },
          { name: "NUL in the notes", change: set("notes", nul) },
          { name: "invalid UTF-8 in the solution", change: set("textSolution", invalidUtf8) },
        ]),
        ...badPathIds.map((id) => {
          const body = multipart(valid);
          return { name: `id ${id.slice(0, 40)}`, as: "teacher" as Role, request: post(t, `/api/assignments/${id}/deliveries`, body.contentType, body.body), expect: badIdExpectation(id) };
        }),
        ...wrongMethods(path, ["POST"], "teacher", t),
        hugeHeader(path, "POST", "teacher"),
      ];
    },
  },
  { file: "app/api/invoices/[id]/stripe-checkout/route.ts", cases: (t) => paymentCases(t, "stripe-checkout") },
  { file: "app/api/invoices/[id]/paypal-order/route.ts", cases: (t) => paymentCases(t, "paypal-order") },
  {
    file: "app/api/invoices/[id]/paypal-return/route.ts",
    cases: (t) => {
      // The payer's browser arrives here from PayPal: any refusal sends it to the invoice with ?checkout=failed.
      const failed = { status: [303], location: /checkout=failed/ };
      const at = (id: string, query: string) => `/api/invoices/${id}/paypal-return${query}`;
      return [
        { name: "no token", as: "student", request: { method: "GET", path: at(t.studentInvoice.id, "") }, expect: failed },
        { name: "forged token", as: "student", request: { method: "GET", path: at(t.studentInvoice.id, "?token=FORGED-ORDER-1") }, expect: failed },
        { name: "token twice", as: "student", request: { method: "GET", path: at(t.studentInvoice.id, "?token=A&token=B") }, expect: failed },
        { name: "token with NUL and invalid UTF-8", as: "student", request: { method: "GET", path: at(t.studentInvoice.id, "?token=%00%FF%FE") }, expect: failed },
        { name: "token 5,000 characters", as: "student", request: { method: "GET", path: at(t.studentInvoice.id, `?token=${"T".repeat(5000)}`) }, expect: failed },
        { name: "signed out", as: "anon", request: { method: "GET", path: at(t.studentInvoice.id, "?token=X") }, expect: failed },
        ...badPathIds.map((id) => ({ name: `id ${id.slice(0, 40)}`, as: "student" as Role, request: { method: "GET", path: at(id, "?token=FORGED") }, expect: id.includes("%FF") ? { status: [400] } : { status: [303, 400, 404], location: /checkout=failed/ } })),
        ...wrongMethods(at(t.studentInvoice.id, ""), ["GET"], "student", t),
        hugeHeader(at(t.studentInvoice.id, "?token=X"), "GET", "student"),
      ];
    },
  },
  { file: "app/api/invoices/[id]/pdf/route.ts", cases: (t) => downloadCases(t, (id) => `/api/invoices/${id}/pdf`) },
  { file: "app/api/files/[id]/route.ts", cases: (t) => downloadCases(t, (id) => `/api/files/${id}`) },
  {
    file: "app/api/notifications/latest/route.ts",
    cases: (t) => [
      { name: "signed out", as: "anon", request: { method: "GET", path: "/api/notifications/latest" }, expect: { status: [401], jsonError: true } },
      { name: "forged session cookie", as: "anon", request: { method: "GET", path: "/api/notifications/latest", headers: { Cookie: `authjs.session-token=${"A".repeat(500)}.\u00ff` } }, expect: { status: [401], jsonError: true } },
      ...wrongMethods("/api/notifications/latest", ["GET"], "student", t),
      hugeHeader("/api/notifications/latest", "GET", "student"),
    ],
  },
  {
    file: "app/api/notifications/summary/route.ts",
    cases: (t) => [
      { name: "signed out", as: "anon", request: { method: "GET", path: "/api/notifications/summary" }, expect: { status: [401], jsonError: true } },
      { name: "forged session cookie", as: "anon", request: { method: "GET", path: "/api/notifications/summary", headers: { Cookie: "authjs.session-token=eyJhbGciOiJub25lIn0.e30." } }, expect: { status: [401], jsonError: true } },
      ...wrongMethods("/api/notifications/summary", ["GET"], "student", t),
      hugeHeader("/api/notifications/summary", "GET", "student"),
    ],
  },
  {
    file: "app/(portal)/notifications/[id]/open/route.ts",
    cases: (t) => [
      { name: "unknown id", as: "student", request: { method: "GET", path: `/notifications/${randomUUID()}/open` }, expect: { status: [404] } },
      ...badPathIds.map((id) => ({ name: `id ${id.slice(0, 40)}`, as: "student" as Role, request: { method: "GET", path: `/notifications/${id}/open` }, expect: { status: NOT_FOUND_OR_BAD } })),
      { name: "signed out", as: "anon", request: { method: "GET", path: `/notifications/${randomUUID()}/open` }, expect: { status: [303, 307], location: /\/login/ } },
      ...wrongMethods(`/notifications/${randomUUID()}/open`, ["GET"], "student", t),
      hugeHeader(`/notifications/${randomUUID()}/open`, "GET", "student"),
    ],
  },
  {
    file: "app/api/pusher/auth/route.ts",
    cases: (t) => {
      const path = "/api/pusher/auth";
      const form = "application/x-www-form-urlencoded";
      const bad = (name: string, contentType: string | undefined, body: Buffer | string, status = [400, 403, 415]): Case => ({ name, as: "student", request: post(t, path, contentType, body), expect: { status, jsonError: true } });
      return [
        bad("empty body", undefined, ""),
        bad("JSON under the form type", form, JSON.stringify({ socket_id: "1.2", channel_name: "private-user" })),
        bad("garbage under multipart", "multipart/form-data; boundary=x", garbage),
        bad("multipart without boundary", "multipart/form-data", "socket_id=1.2"),
        bad("socket_id missing", form, "channel_name=private-user-x"),
        bad("channel_name twice", form, "socket_id=123.456&channel_name=a&channel_name=b"),
        bad("NUL in channel_name", form, "socket_id=123.456&channel_name=private-%00"),
        bad("invalid UTF-8", form, Buffer.concat([Buffer.from("socket_id=123.456&channel_name="), invalidUtf8])),
        bad("socket_id 100,000 characters", form, `socket_id=${"9".repeat(100_000)}&channel_name=private-x`, [400, 403, 413]),
        { name: "chunked form past the limit", as: "student", request: streamed(t, path, form, SMALL_BODY_STREAM, Buffer.from("socket_id=1.2&channel_name=")), expect: { status: TOO_LARGE, jsonError: true, answeredEarly: true } },
        { name: "cross-site Origin", as: "student", request: post(t, path, form, "socket_id=123.456&channel_name=private-x", { Origin: "https://evil.example" }), expect: { status: [403], jsonError: true } },
        { name: "signed out", as: "anon", request: post(t, path, form, "socket_id=123.456&channel_name=private-x"), expect: { status: [401, 403], jsonError: true } },
        ...wrongMethods(path, ["POST"], "student", t),
        hugeHeader(path, "POST", "student"),
      ];
    },
  },
  {
    file: "app/api/widget/availability/route.ts",
    cases: (t) => {
      const path = "/api/widget/availability";
      return [
        { name: "a site not listed in WIDGET_ALLOWED_ORIGINS", as: "anon", request: { method: "GET", path, headers: { Origin: "https://evil.example" } }, expect: { status: [403], jsonError: true } },
        { name: "an opaque (null) Origin", as: "anon", request: { method: "GET", path, headers: { Origin: "null" } }, expect: { status: [403], jsonError: true } },
        { name: "a malformed Origin", as: "anon", request: { method: "GET", path, headers: { Origin: "https://%00" } }, expect: { status: [403], jsonError: true } },
        { name: "preflight from a site not listed", as: "anon", request: { method: "OPTIONS", path, headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "GET" } }, expect: { status: [403], jsonError: true } },
        ...wrongMethods(path, ["GET"], "anon", t),
        hugeHeader(path, "GET", "anon"),
      ];
    },
  },
  {
    file: "app/api/widget/sessions/route.ts",
    cases: (t) => {
      const id = randomUUID();
      // Every body here is invalid whatever the availability (online or offline): nothing may be written.
      const form = { name: "Fuzz Visitor", email: "fuzz@example.test", question: "Is this refused?", clientMessageId: id };
      const with_ = (change: Record<string, unknown>) => JSON.stringify({ ...form, ...change });
      return widgetJsonCases(t, "/api/widget/sessions", { ...form, name: "" }, [
        { name: "honeypot filled", body: with_({ website: "https://spam.example" }) },
        { name: "honeypot an object", body: with_({ website: { url: "x" } }) },
        { name: "name missing", body: with_({ name: undefined }) },
        { name: "name whitespace", body: with_({ name: " \n\t " }) },
        { name: "name 81 characters", body: with_({ name: "n".repeat(81) }) },
        { name: "name an object", body: with_({ name: { toString: "x" } }) },
        { name: "NUL in the name", body: with_({ name: nul }) },
        { name: "question missing", body: with_({ question: undefined }) },
        { name: "question 2,001 characters", body: with_({ question: "q".repeat(2001) }) },
        { name: "question 100,000 characters", body: with_({ question: longText }) },
        { name: "question a number", body: with_({ question: 1e308 }) },
        { name: "NUL in the question", body: with_({ question: nul }) },
        { name: "email not an address", body: with_({ email: "not-an-email" }) },
        { name: "email 300 characters", body: with_({ email: `${"e".repeat(290)}@example.test` }) },
        { name: "clientMessageId missing", body: with_({ clientMessageId: undefined }) },
        { name: 'clientMessageId "NaN"', body: with_({ clientMessageId: "NaN" }) },
        { name: "everything an array", body: with_({ name: ["a"], question: ["b"], email: ["c"] }) },
      ], false);
    },
  },
  { file: "app/api/widget/session/route.ts", cases: (t) => [...widgetReadOnly(t, "/api/widget/session"), ...wrongMethods("/api/widget/session", ["GET"], "anon", t)] },
  {
    file: "app/api/widget/messages/route.ts",
    cases: (t) => {
      const path = "/api/widget/messages";
      const id = randomUUID();
      const auth = { Authorization: `Bearer ${t.visitorToken}` };
      const get = (name: string, query: string): Case => ({ name, as: "anon", request: { method: "GET", path: `${path}${query}`, headers: auth }, expect: { status: [400], jsonError: true } });
      return [
        ...widgetJsonCases(t, path, { clientMessageId: id, body: "Hello" }, [
          { name: "body missing", body: JSON.stringify({ clientMessageId: id }) },
          { name: "body whitespace", body: JSON.stringify({ clientMessageId: id, body: " \n\t " }) },
          { name: "body 2,001 characters", body: JSON.stringify({ clientMessageId: id, body: "x".repeat(2001) }) },
          { name: "body 100,000 characters", body: JSON.stringify({ clientMessageId: id, body: longText }) },
          { name: "NUL in the body", body: JSON.stringify({ clientMessageId: id, body: nul }) },
          { name: "body a number", body: JSON.stringify({ clientMessageId: id, body: 1e308 }) },
          { name: "body an object", body: JSON.stringify({ clientMessageId: id, body: { toString: "x" } }) },
          { name: "clientMessageId missing", body: JSON.stringify({ body: "Hello" }) },
          { name: 'clientMessageId "NaN"', body: JSON.stringify({ clientMessageId: "NaN", body: "Hello" }) },
        ]).filter((c) => !c.name.includes("not allowed")),
        { name: "a closed conversation", as: "anon", request: post(t, path, "application/json", JSON.stringify({ clientMessageId: id, body: "Still there?" }), auth), expect: { status: [409], jsonError: true } },
        ...badTokens(t).map(({ name, headers }): Case => ({ name: `POST, ${name}`, as: "anon", request: post(t, path, "application/json", JSON.stringify({ clientMessageId: id, body: "Hello" }), headers), expect: { status: [401], jsonError: true } })),
        ...widgetReadOnly(t, `${path}?after=0`),
        get('after "abc"', "?after=abc"),
        get("after -1", "?after=-1"),
        get("after 1e309", "?after=1e309"),
        get("after 2^31", "?after=2147483648"),
        get("after NUL", "?after=%00"),
        ...wrongMethods(path, ["GET", "POST"], "anon", t),
      ];
    },
  },
  {
    file: "app/api/widget/read/route.ts",
    cases: (t) =>
      widgetJsonCases(t, "/api/widget/read", { seq: 1 }, [
        { name: "seq missing", body: "{}" },
        { name: "seq -1", body: '{"seq":-1}' },
        { name: 'seq "1"', body: '{"seq":"1"}' },
        { name: "seq 1.5", body: '{"seq":1.5}' },
        { name: "seq 1e309", body: '{"seq":1e309}' },
        { name: "seq 2^31", body: '{"seq":2147483648}' },
        { name: "seq as an array", body: '{"seq":[1]}' },
      ]).concat(badTokens(t).map(({ name, headers }): Case => ({ name: `POST, ${name}`, as: "anon", request: post(t, "/api/widget/read", "application/json", '{"seq":1}', headers), expect: { status: [401], jsonError: true } }))),
  },
  {
    file: "app/api/widget/pusher-auth/route.ts",
    cases: (t) => {
      const path = "/api/widget/pusher-auth";
      const form = "application/x-www-form-urlencoded";
      const auth = { Authorization: `Bearer ${t.visitorToken}` };
      const bad = (name: string, contentType: string | undefined, body: Buffer | string, status = [400, 403, 415], headers: Record<string, string> = auth): Case => ({ name, as: "anon", request: post(t, path, contentType, body, headers), expect: { status, jsonError: true } });
      return [
        bad("empty body", undefined, ""),
        bad("JSON under the form type", form, JSON.stringify({ socket_id: "1.2", channel_name: "private-visitor-x" })),
        bad("garbage under multipart", "multipart/form-data; boundary=x", garbage),
        bad("socket_id missing", form, `channel_name=private-visitor-${randomUUID()}`),
        bad("channel_name twice", form, "socket_id=123.456&channel_name=a&channel_name=b"),
        bad("NUL in channel_name", form, "socket_id=123.456&channel_name=private-%00"),
        bad("invalid UTF-8", form, Buffer.concat([Buffer.from("socket_id=123.456&channel_name="), invalidUtf8])),
        bad("socket_id 100,000 characters", form, `socket_id=${"9".repeat(100_000)}&channel_name=private-x`, [400, 403, 413]),
        bad("another visitor's session", form, `socket_id=123.456&channel_name=private-visitor-${randomUUID()}`, [403]),
        bad("the staff queue channel", form, "socket_id=123.456&channel_name=private-support", [403]),
        bad("the staff presence channel", form, "socket_id=123.456&channel_name=presence-support", [403]),
        bad("a student's user channel", form, `socket_id=123.456&channel_name=private-user-${randomUUID()}`, [403]),
        ...badTokens(t).map(({ name, headers }) => bad(name, form, `socket_id=123.456&channel_name=private-visitor-${randomUUID()}`, [403], headers)),
        { name: "chunked form past the limit", as: "anon", request: streamed(t, path, form, SMALL_BODY_STREAM, Buffer.from("socket_id=1.2&channel_name="), auth), expect: { status: TOO_LARGE, jsonError: true, answeredEarly: true } },
        bad("a site not listed in WIDGET_ALLOWED_ORIGINS", form, "socket_id=123.456&channel_name=private-x", [403], { ...auth, Origin: "https://evil.example" }),
        { name: "preflight from a site not listed", as: "anon", request: { method: "OPTIONS", path, headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST" } }, expect: { status: [403], jsonError: true } },
        ...wrongMethods(path, ["POST"], "anon", t),
        hugeHeader(path, "POST", "anon"),
      ];
    },
  },
  // The visitor widget's panel page: GET only and no input (what the loader tells it stays in the URL fragment).
  { file: "app/widget/panel/route.ts", cases: (t) => [...wrongMethods("/widget/panel", ["GET"], "anon", t), hugeHeader("/widget/panel", "GET", "anon")] },
  {
    file: "app/api/admin/audit/export/route.ts",
    cases: (t) => {
      const path = "/api/admin/audit/export";
      // Hostile filters reach the export only as someone refused before it reads them; an admin's export
      // would succeed and (by design) write its own audit row, which this suite counts as a write.
      const hostile = `${path}?actor=%00%FF%FE&action=${"%25".repeat(1000)}&from=1e309&to=2026-02-31&cursor=${"A".repeat(300)}&target=..%2F..%2Fetc`;
      return [
        { name: "student refused", as: "student", request: { method: "GET", path }, expect: { status: [403], jsonError: true } },
        { name: "teacher refused", as: "teacher", request: { method: "GET", path }, expect: { status: [403], jsonError: true } },
        { name: "student with hostile filters refused", as: "student", request: { method: "GET", path: hostile }, expect: { status: [403], jsonError: true } },
        { name: "signed out", as: "anon", request: { method: "GET", path }, expect: { status: [401], jsonError: true } },
        ...wrongMethods(path, ["GET"], "admin", t),
        hugeHeader(path, "GET", "admin"),
      ];
    },
  },
  { file: "app/api/webhooks/stripe/route.ts", cases: (t) => webhookCases(t, "stripe") },
  { file: "app/api/webhooks/paypal/route.ts", cases: (t) => webhookCases(t, "paypal") },
  {
    file: "app/api/auth/[...nextauth]/route.ts",
    cases: (t) => {
      // Auth.js's own protocol refuses a browser's sign-in by redirecting to the sign-in page with ?error=…;
      // anything else must be a 4xx. Never a 5xx, never an error in the log.
      const refused = { status: [...CLIENT_ERROR, 302, 303], location: /\/login|\/api\/auth\/(signin|error)/ };
      const callback = "/api/auth/callback/credentials";
      const form = "application/x-www-form-urlencoded";
      return [
        { name: "credentials without CSRF token", as: "anon", request: post(t, callback, form, "email=a%40b.test&password=x"), expect: refused },
        { name: "garbage under the form type", as: "anon", request: post(t, callback, form, garbage), expect: refused },
        { name: "JSON under the form type", as: "anon", request: post(t, callback, form, '{"email":"a@b.test"}'), expect: refused },
        { name: "garbage under multipart", as: "anon", request: post(t, callback, "multipart/form-data; boundary=x", garbage), expect: refused },
        { name: "invalid UTF-8 and NUL", as: "anon", request: post(t, callback, form, Buffer.concat([Buffer.from("csrfToken=%00&email="), invalidUtf8])), expect: refused },
        { name: "chunked body past the limit", as: "anon", request: streamed(t, callback, form, SMALL_BODY_STREAM, Buffer.from("email=")), expect: { status: TOO_LARGE, answeredEarly: true } },
        { name: "unknown action", as: "anon", request: { method: "GET", path: "/api/auth/not-an-action" }, expect: { status: CLIENT_ERROR } },
        { name: "POST to the csrf endpoint", as: "anon", request: post(t, "/api/auth/csrf", form, ""), expect: refused },
        { name: "GET a callback", as: "anon", request: { method: "GET", path: callback }, expect: refused },
        { name: "error page with a made-up error", as: "anon", request: { method: "GET", path: "/api/auth/error?error=Configuration" }, expect: refused },
        { name: "sign-out without CSRF token", as: "anon", request: post(t, "/api/auth/signout", form, ""), expect: refused },
        ...wrongMethods("/api/auth/session", ["GET", "POST"], "anon", t),
        hugeHeader("/api/auth/session", "GET", "anon"),
      ];
    },
  },
];
