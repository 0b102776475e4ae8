import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * Tools for the fuzz suite (e2e/fuzz.spec.ts): raw HTTP (bytes exactly as given, chunked streams,
 * huge headers), hand-made multipart bodies, the server's database and log as seen from outside.
 */

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string; sentBytes: number; sentAtReply: number; ms: number };

export type Send = {
  method: string;
  path: string;
  headers?: Record<string, string | string[]>;
  /** The body as bytes, sent with a Content-Length unless headers say otherwise. */
  body?: Buffer | string;
  /** A chunked body: `chunk` repeated until `totalBytes` are sent or the server answers and closes. */
  stream?: { chunk: Buffer; totalBytes: number; prefix?: Buffer };
  timeoutMs?: number;
};

/**
 * One request over node:http: no client-side normalisation, so invalid UTF-8, NUL bytes, duplicate
 * headers and chunked bodies reach the server as an attacker would send them. `sentAtReply` is how
 * many body bytes had been written when the answer arrived (a server that stops reading at its
 * limit answers long before a streamed body ends).
 */
export async function send(baseURL: string, request: Send): Promise<Reply> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await sendOnce(baseURL, request);
    } catch (error) {
      // A refused stream can lose its answer to the TCP reset of the close that follows it, when the
      // machine is loaded; a server that really did not answer fails again.
      const code = (error as NodeJS.ErrnoException).code;
      if (!request.stream || attempt >= 3 || (code !== "EPIPE" && code !== "ECONNRESET")) throw error;
    }
  }
}

function sendOnce(baseURL: string, request: Send): Promise<Reply> {
  const url = new URL(baseURL);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let sentAtReply = -1;
    let settled = false;
    const settle = (outcome: Reply | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const headers: Record<string, string | string[] | number> = { ...request.headers };
    if (request.body !== undefined && !Object.keys(headers).some((h) => /^(content-length|transfer-encoding)$/i.test(h))) headers["Content-Length"] = Buffer.byteLength(request.body);
    if (request.stream) headers["Transfer-Encoding"] = "chunked";
    const req = http.request({ host: url.hostname, port: url.port, method: request.method, path: request.path, headers, agent: false, insecureHTTPParser: true });
    const timer = setTimeout(() => settle(new Error(`no answer within ${request.timeoutMs ?? 30_000} ms`)), request.timeoutMs ?? 30_000);
    req.on("response", (res) => {
      sentAtReply = sentBytes;
      const chunks: Buffer[] = [];
      const done = () => settle({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), sentBytes, sentAtReply, ms: Date.now() - started });
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", done);
      res.on("end", done);
      // A server that answers and then closes a streamed upload is doing its job: what it said counts.
      res.on("close", done);
    });
    req.on("error", (error) => {
      if (sentAtReply >= 0) return;
      // A server that refuses a stream at its limit answers and closes while we are still writing:
      // our write can fail (EPIPE, ECONNRESET) a moment before its answer is read. Wait for it.
      const code = (error as NodeJS.ErrnoException).code;
      if (request.stream && (code === "EPIPE" || code === "ECONNRESET")) setTimeout(() => settle(error), 2_000);
      else settle(error);
    });
    if (request.stream) {
      const { chunk, totalBytes, prefix } = request.stream;
      const pump = async () => {
        if (prefix) {
          req.write(prefix);
          sentBytes += prefix.length;
        }
        while (sentBytes < totalBytes && sentAtReply < 0 && !req.destroyed) {
          const ok = req.write(chunk);
          sentBytes += chunk.length;
          if (!ok) {
            await new Promise<void>((r) => {
              const go = () => {
                req.off("drain", go);
                req.off("close", go);
                r();
              };
              req.on("drain", go);
              req.on("close", go);
            });
          }
        }
        if (!req.destroyed) req.end();
      };
      pump().catch(() => {});
    } else {
      req.end(request.body);
    }
  });
}

export type Part = { name: string | Buffer; value?: string | Buffer; filename?: string | Buffer; type?: string };

/** A multipart/form-data body built byte by byte, so names and values may be anything. */
export function multipart(parts: Part[], boundary = `----fuzz${randomBytes(8).toString("hex")}`): { body: Buffer; contentType: string; boundary: string } {
  const out: Buffer[] = [];
  const b = (s: string | Buffer) => (typeof s === "string" ? Buffer.from(s, "utf8") : s);
  for (const part of parts) {
    out.push(b(`--${boundary}\r\nContent-Disposition: form-data; name="`), b(part.name), b('"'));
    if (part.filename !== undefined) out.push(b('; filename="'), b(part.filename), b('"'));
    out.push(b("\r\n"));
    if (part.type) out.push(b(`Content-Type: ${part.type}\r\n`));
    out.push(b("\r\n"), b(part.value ?? ""), b("\r\n"));
  }
  out.push(b(`--${boundary}--\r\n`));
  return { body: Buffer.concat(out), contentType: `multipart/form-data; boundary=${boundary}`, boundary };
}

/** Where the server under test keeps its database and log: .test-results/e2e-server.json, else FUZZ_* variables. */
export type ServerInfo = { databaseUrl?: string; logFile?: string; source: string };

export function serverInfo(baseURL: string): ServerInfo {
  const file = path.resolve(".test-results/e2e-server.json");
  try {
    const info = JSON.parse(fs.readFileSync(file, "utf8")) as { appUrl?: string; databaseUrl?: string; logFile?: string };
    // A file left by another run names another server: only the one at our baseURL counts.
    if (info.appUrl && new URL(info.appUrl).port === new URL(baseURL).port) return { databaseUrl: info.databaseUrl, logFile: info.logFile, source: file };
  } catch {}
  return { databaseUrl: process.env.FUZZ_DATABASE_URL, logFile: process.env.FUZZ_SERVER_LOG, source: "FUZZ_DATABASE_URL / FUZZ_SERVER_LOG" };
}

/**
 * Failed sign-ins are recorded on purpose (sign-in rate limits), so login_attempts may grow when a
 * hostile body reaches the sign-in action with a well-formed email; every other table must not change.
 */
const WRITABLE_BY_DESIGN = new Set(["login_attempts"]);
/**
 * Rows workers update on their own schedule: the mail worker (queued → sent) and the meeting
 * reminders' sweep and jobs (a job id given to a reminder the demo seed made, sent). Only new rows count here.
 */
const COUNT_ONLY = new Set(["mail_outbox", "meeting_reminders"]);

/** A fingerprint of every application table: row count and a hash of its rows (updates show too). */
export async function snapshotTables(client: pg.Client): Promise<Map<string, string>> {
  const { rows } = await client.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like '\\_\\_%' order by table_name",
  );
  const snapshot = new Map<string, string>();
  for (const { table_name: table } of rows) {
    if (WRITABLE_BY_DESIGN.has(table) || table.startsWith("drizzle")) continue;
    const quoted = `"${table.replace(/"/g, '""')}"`;
    const hash = COUNT_ONLY.has(table) ? "null" : "md5(string_agg(md5(t::text), '' order by md5(t::text)))";
    const result = await client.query<{ n: string; h: string | null }>(`select count(*)::text as n, ${hash} as h from ${quoted} t`);
    snapshot.set(table, `${result.rows[0]?.n} rows #${result.rows[0]?.h ?? "-"}`);
  }
  return snapshot;
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [table, value] of after) if (before.get(table) !== value) changed.push(`${table}: ${before.get(table) ?? "(new table)"} → ${value}`);
  return changed;
}

/** The byte offset the log has reached, so a test reads only what the server wrote during it. */
export function logMark(logFile: string | undefined): number {
  if (!logFile) return 0;
  try {
    return fs.statSync(logFile).size;
  } catch {
    return 0;
  }
}

/** Lines above a warning written since `mark`: the app's JSON errors and Next's own error output. */
export function errorLinesSince(logFile: string | undefined, mark: number): string[] {
  if (!logFile || !fs.existsSync(logFile)) return [];
  const fd = fs.openSync(logFile, "r");
  try {
    const size = fs.fstatSync(fd).size;
    if (size <= mark) return [];
    const buffer = Buffer.alloc(size - mark);
    fs.readSync(fd, buffer, 0, buffer.length, mark);
    const lines = buffer.toString("utf8").split("\n");
    const errors: string[] = [];
    let inWarning = false;
    for (const line of lines) {
      // Next warns (console.warn of an Error) when a well-formed action id names no action: an old
      // or newer deployment's page, its own choice of level. Only that printout and its stack pass.
      if (/^\s*(⚠\s*)?Error: Failed to find Server Action "[0-9a-f]*"/.test(line)) {
        inWarning = true;
        continue;
      }
      if (inWarning && (/^Read more: https:\/\/nextjs\.org\/docs\/messages\/failed-to-find-server-action$/.test(line) || /^\s+at /.test(line))) continue;
      inWarning = false;
      if (/"level":"(error|fatal)"/.test(line) || /^\s*⨯/.test(line) || /^\s*(\w+)?Error(\s*\[\w+\])?:/.test(line) || /^\s+at .+:\d+:\d+\)?$/.test(line)) errors.push(line.slice(0, 400));
    }
    return errors;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Server action ids by file and export name. A production build lists them all in
 * .next/server/server-reference-manifest.json; the Turbopack dev server writes one manifest per
 * page as it compiles (.next/dev/server/app/<page>/page/server-reference-manifest.json), with ids
 * of its own (a production manifest left by an earlier build names ids the dev server does not know).
 */
export function serverActionId(filename: string, exportedName: string, production: boolean): string | undefined {
  const candidates = production ? [".next/server/server-reference-manifest.json"] : manifestsUnder(".next/dev/server/app");
  for (const file of candidates) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.resolve(file), "utf8")) as { node: Record<string, { filename?: string; exportedName?: string }> };
      for (const [id, entry] of Object.entries(manifest.node)) if (entry.filename === filename && entry.exportedName === exportedName) return id;
    } catch {}
  }
  return undefined;
}

function manifestsUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "server-reference-manifest.json")
    .map((file) => path.join(dir, file));
}

// React's own encoder, as Next's client runs it for every server action call.
const { encodeReply } = createRequire(path.resolve("package.json"))("next/dist/compiled/react-server-dom-webpack/client.edge") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

/**
 * The body React sends for a `useActionState` form action, made by React's own `encodeReply` of
 * `[previousState, formData]`: the form's fields as "_1_<name>", then the arguments under "0"
 * (`[previousState,"$K1"]`). `fields` may hold hostile names and values; bytes that are not UTF-8
 * (which a FormData cannot hold) are put into the encoded body in place of a marker.
 */
export async function actionBody(fields: Part[], previousState: unknown = { status: "idle" }): Promise<{ body: Buffer; contentType: string }> {
  const raw = new Map<string, Buffer>();
  const text = (value: string | Buffer) => {
    if (typeof value === "string") return value;
    const decoded = value.toString("utf8");
    if (Buffer.from(decoded, "utf8").equals(value)) return decoded;
    const marker = `fuzzraw${randomBytes(8).toString("hex")}`;
    raw.set(marker, value);
    return marker;
  };
  const form = new FormData();
  for (const field of fields) form.append(text(field.name), text(field.value ?? ""));
  const reply = await encodeReply([previousState, form]);
  if (typeof reply === "string") throw new Error("React encoded a form action's arguments as text: expected multipart");
  const encoded = new Request("http://fuzz.invalid/", { method: "POST", body: reply });
  let body = Buffer.from(await encoded.arrayBuffer());
  for (const [marker, bytes] of raw) {
    const at = body.indexOf(marker);
    if (at < 0) throw new Error(`the marker for raw bytes is not in the encoded body: ${marker}`);
    body = Buffer.concat([body.subarray(0, at), bytes, body.subarray(at + marker.length)]);
  }
  return { body, contentType: encoded.headers.get("content-type")! };
}

/** The text body React sends for an action whose arguments hold no FormData (here: hostile ones). */
export async function actionTextBody(args: unknown[]): Promise<string> {
  const reply = await encodeReply(args);
  if (typeof reply !== "string") throw new Error("React encoded the arguments as multipart: expected text");
  return reply;
}
