import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { type Browser, type BrowserType, type TestInfo } from "@playwright/test";
import { expect, test } from "./fixtures";
import pg from "pg";
import { demo } from "./helpers";
import { signInAndLand } from "./signed-in";
import { actionBody, actionTextBody, changedTables, errorLinesSince, logMark, send, serverActionId, serverInfo, snapshotTables, type Part, type Reply, type Send } from "./fuzz-kit";
import { routeTable, type Case, type Expectation, type Role, type Targets } from "./fuzz-routes";

/**
 * Every route handler and a sample of server actions, sent hostile requests from outside: each must
 * be refused with a 4xx and a reason (never a 5xx), write nothing, and log nothing above a warning.
 * It runs alone, before the journeys (the "fuzz" project in playwright.config.ts), because it
 * compares the whole database and the server's log around each route.
 */

type Homes = Record<Exclude<Role, "anon">, { email: string; home: string }>;

type World = { baseURL: string; origin: string; cookies: Record<Role, string>; db: pg.Client; logFile?: string; targets: Targets; production: boolean };

let world: Promise<World> | undefined;

test.afterAll(async () => {
  const w = await world?.catch(() => undefined);
  await w?.db.end().catch(() => {});
  world = undefined;
});

/** Sessions signed in through the real login page, kept in a file so a restarted worker reuses them. */
async function sessions(launch: () => Promise<Browser>, baseURL: string, homes: Homes): Promise<Record<Role, string>> {
  const file = path.join(os.tmpdir(), `nano-fuzz-sessions-${new URL(baseURL).port}.json`);
  // Cookies by role, and the email each was signed in as.
  let cached: Record<string, string | undefined> = {};
  try {
    cached = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {}
  const cookies: Record<Role, string> = { anon: "" } as Record<Role, string>;
  let browser: Browser | undefined;
  for (const [role, { email, home }] of Object.entries(homes) as Array<[Exclude<Role, "anon">, { email: string; home: string }]>) {
    const known = cached[`${role}Email`] === email ? cached[role] : undefined;
    if (known && (await send(baseURL, { method: "GET", path: "/api/notifications/summary", headers: { Cookie: known }, timeoutMs: 120_000 })).status === 200) {
      cookies[role] = known;
      continue;
    }
    browser ??= await launch();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAndLand(page, email, home);
    cookies[role] = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    await context.close();
  }
  await browser?.close();
  const emails = Object.fromEntries(Object.entries(homes).map(([role, { email }]) => [`${role}Email`, email]));
  fs.writeFileSync(file, JSON.stringify({ ...cookies, ...emails }));
  return cookies;
}

async function one<T>(db: pg.Client, what: string, sql: string, params: unknown[]): Promise<T> {
  const { rows } = await db.query(sql, params);
  if (!rows[0]) throw new Error(`The fuzz suite needs ${what} in the database (the seeded demo data has one)`);
  return rows[0] as T;
}

async function setUp(launch: () => Promise<Browser>, baseURL: string): Promise<World> {
  const info = serverInfo(baseURL);
  if (!info.databaseUrl) throw new Error(`No database to compare: ${info.source} are not set (the e2e server writes .test-results/e2e-server.json; against the dev server set FUZZ_DATABASE_URL and FUZZ_SERVER_LOG)`);
  const db = new pg.Client({ connectionString: info.databaseUrl });
  await db.connect();
  try {
    return await findTargets(db, launch, baseURL, info.logFile, info.source.endsWith("e2e-server.json"));
  } catch (error) {
    await db.end().catch(() => {});
    throw error;
  }
}

async function findTargets(db: pg.Client, launch: () => Promise<Browser>, baseURL: string, logFile: string | undefined, production: boolean): Promise<World> {
  const studentAssignment = await one<{ id: string; version: number }>(db, "a submitted assignment of the demo student", "select a.id, a.version from assignments a join users u on u.id = a.student_id where u.email = $1 and a.status = 'submitted' order by a.created_at limit 1", [demo.student]);
  // Deliveries need a teacher at work on one: the seed gives that to one of its teachers (not always the demo one).
  const teacherAssignment = await one<{ id: string; version: number; email: string }>(
    db,
    "an assignment a teacher is working on",
    "select a.id, a.version, u.email from assignments a join teacher_assignments t on t.assignment_id = a.id join users u on u.id = t.teacher_id where u.email like '%@nanoproblem.test' and t.role = 'primary' and t.status = 'accepted' and a.status in ('in_progress', 'revision_requested') order by (u.email = $1) desc, a.created_at limit 1",
    [demo.teacher],
  );
  const studentInvoice = await one<{ id: string; version: number }>(
    db,
    "an issued invoice of the demo student",
    "select i.id, i.version from invoices i join users u on u.id = i.student_id where u.email = $1 and i.status in ('approved', 'partially_paid') order by (i.status = 'approved') desc, i.created_at limit 1",
    [demo.student],
  );
  const studentThread = await one<{ id: string }>(db, "the demo student's Support thread", "select t.id from threads t join users u on u.id = t.support_student_id where u.email = $1", [demo.student]);
  const visitorToken = await closedVisitorSession(db);
  const studentMeeting = await one<{ id: string }>(
    db,
    "the demo student's next meeting",
    "select m.id from meetings m join meeting_participants p on p.meeting_id = m.id join users u on u.id = p.user_id where u.email = $1 and m.status = 'scheduled' order by m.starts_at limit 1",
    [demo.student],
  );
  const origin = new URL(baseURL).origin;
  const cookies = await sessions(launch, baseURL, {
    student: { email: demo.student, home: "/student" },
    teacher: { email: teacherAssignment.email, home: "/teacher" },
    admin: { email: demo.admin, home: "/admin" },
  });
  return { baseURL, origin, cookies, db, logFile, targets: { origin, studentAssignment, teacherAssignment: { id: teacherAssignment.id, version: teacherAssignment.version }, studentInvoice, studentThread, visitorToken, studentMeeting }, production };
}

/**
 * A visitor chat session of the suite's own, already closed (out of every queue): the widget routes'
 * hostile bodies then reach their validation with a real token, and a valid send is refused (409).
 */
async function closedVisitorSession(db: pg.Client): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const tokenHash = createHash("sha256").update(token).digest("hex");
  await db.query("insert into pre_signin_sessions (token_hash, status, name, closed_at, close_reason) values ($1, 'closed', 'Fuzz visitor', now(), 'fuzz suite')", [tokenHash]);
  return token;
}

/** The world of one worker; a browser is launched only when a session must be signed in again. */
function getWorld(chromium: BrowserType, testInfo: TestInfo): Promise<World> {
  const { baseURL, launchOptions } = testInfo.project.use;
  world ??= setUp(() => chromium.launch(launchOptions), baseURL!);
  return world;
}

function withSession(request: Send, cookie: string): Send {
  if (!cookie || request.headers?.Cookie) return request;
  return { ...request, headers: { ...request.headers, Cookie: cookie } };
}

/** What is wrong with an answer, or undefined when it is the refusal required. */
function judge(reply: Reply, expected: Expectation, totalStreamed?: number): string | undefined {
  const excerpt = reply.body.replace(/\s+/g, " ").slice(0, 160);
  if (reply.status >= 500) return `answered ${reply.status} (a server error): ${excerpt}`;
  if (!expected.status.includes(reply.status)) return `answered ${reply.status}, expected ${summarise(expected.status)}: ${excerpt}`;
  if (expected.jsonError) {
    let error: unknown;
    try {
      error = (JSON.parse(reply.body) as { error?: unknown }).error;
    } catch {}
    if (typeof error !== "string" || error.trim() === "") return `answered ${reply.status} without a JSON error reason: ${excerpt || "(empty body)"}`;
  }
  if (expected.formError && reply.status === 200 && !reply.body.includes('"status":"error"')) return `answered 200 without the form's error state: ${excerpt}`;
  if (expected.shows && reply.status === 200 && !expected.shows.test(reply.body)) return `answered ${reply.status} without ${expected.shows} (the action's own refusal): ${excerpt}`;
  if (expected.location && reply.status >= 300 && reply.status < 400 && !expected.location.test(String(reply.headers.location ?? ""))) return `answered ${reply.status} to ${reply.headers.location ?? "(no Location)"}, expected a Location like ${expected.location}`;
  if (expected.answeredEarly && totalStreamed !== undefined && reply.sentAtReply >= totalStreamed) return `answered ${reply.status} only after reading the whole ${Math.round(totalStreamed / 1048576)} MB stream (${reply.ms} ms): the limit is not enforced while reading`;
  return undefined;
}

function summarise(statuses: number[]): string {
  if (statuses.length > 20) return "a 4xx";
  return statuses.join("/");
}

type Outcome = { name: string; status: number | string; problem?: string };

async function runCases(w: World, cases: Array<Case>, testInfo: TestInfo): Promise<string[]> {
  const before = await snapshotTables(w.db);
  const mark = logMark(w.logFile);
  const outcomes: Outcome[] = [];
  for (const c of cases) {
    let reply: Reply;
    try {
      reply = await send(w.baseURL, withSession(c.request, w.cookies[c.as]));
    } catch (error) {
      outcomes.push({ name: c.name, status: "no answer", problem: `no answer: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    outcomes.push({ name: c.name, status: reply.status, problem: judge(reply, c.expect, c.request.stream?.totalBytes) });
  }
  // The server writes its log asynchronously; give the last lines a moment to land.
  await new Promise((resolve) => setTimeout(resolve, 400));
  const problems = outcomes.filter((o) => o.problem).map((o) => `${o.name}: ${o.problem}`);
  for (const change of changedTables(before, await snapshotTables(w.db))) problems.push(`wrote to the database: ${change}`);
  const errors = errorLinesSince(w.logFile, mark);
  if (errors.length) problems.push(`logged ${errors.length} error line(s), first: ${errors.slice(0, 3).join(" | ")}`);
  await testInfo.attach("answers", { body: outcomes.map((o) => `${String(o.status).padEnd(9)} ${o.problem ? "✗" : "✓"} ${o.name}${o.problem ? ` — ${o.problem}` : ""}`).join("\n"), contentType: "text/plain" });
  return problems;
}

test.describe("hostile requests", () => {
  test.describe.configure({ timeout: 180_000 });

  for (const route of routeTable) {
    test(`${route.file} refuses them`, async ({ playwright }, testInfo) => {
      const w = await getWorld(playwright.chromium, testInfo);
      const problems = await runCases(w, route.cases(w.targets), testInfo);
      expect(problems, `${route.file}: ${problems.length} hostile request(s) not refused as required`).toEqual([]);
    });
  }

  test("server actions refuse them", async ({ playwright }, testInfo) => {
    const w = await getWorld(playwright.chromium, testInfo);
    const cases = await actionCases(w);
    const problems = await runCases(w, cases, testInfo);
    expect(problems, `server actions: ${problems.length} hostile request(s) not refused as required`).toEqual([]);
  });
});

test("every route handler is in the fuzz table", () => {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js)$/.test(entry.name)) found.push(full.split(path.sep).join("/"));
    }
  };
  walk("app");
  const covered = new Set(routeTable.map((r) => r.file));
  // Metadata image routes (opengraph-image, icon) take no input; they are files, not route.ts.
  expect(found.filter((f) => !covered.has(f)), "route handlers the fuzz table does not cover: add them to e2e/fuzz-routes.ts").toEqual([]);
  expect([...covered].filter((f) => !found.includes(f)), "entries in e2e/fuzz-routes.ts for routes that no longer exist").toEqual([]);
});

/**
 * A hostile form: what it changes, and what the action must answer (its error state naming `field`,
 * or showing `message`), which proves the hostile value reached the action's validation.
 */
type Hostile = { name: string; change: (parts: Part[]) => Part[]; field?: string; message?: RegExp; bytes?: boolean };

type ActionTarget = {
  label: string;
  file: string;
  exportName: string;
  page: string;
  as: Role;
  valid: Part[];
  hostile: Hostile[];
  /** What the action answers when its second argument is not a form (default: formNotSent's message). */
  withoutForm?: Hostile;
};

const formNotSent: Hostile = { name: "", change: (parts) => parts, message: /"message":"The form was not sent\./ };

const set = (field: string, value: string | Buffer) => (parts: Part[]) => parts.map((p) => (p.name === field ? { ...p, value } : p));
const drop = (field: string) => (parts: Part[]) => parts.filter((p) => p.name !== field);
const twice = (field: string, second: string) => (parts: Part[]) => [...parts, { name: field, value: second }];
const invalidUtf8 = Buffer.from([0x46, 0x75, 0x7a, 0x7a, 0xc3, 0x28, 0xff, 0xfe]);
/** What the sign-in form says to wrong credentials (or, after many, to too many attempts). */
const signInRefusal = /"message":"(Email or password is incorrect\.|Too many sign-in attempts)/;

function actionTargets(t: Targets): ActionTarget[] {
  const fuzzEmail = () => `fuzz.${randomBytes(4).toString("hex")}@example.test`;
  return [
    {
      // An auth action without formAction's wrapper: formToObject gives {} for a non-form argument.
      label: "forgot password",
      file: "app/(auth)/forgot-password/actions.ts",
      exportName: "forgotPasswordAction",
      page: "/forgot-password",
      as: "anon",
      valid: [{ name: "email", value: "nobody.fuzz@example.test" }],
      hostile: [
        { name: "email sent twice", change: twice("email", "second.fuzz@example.test"), field: "email" },
        { name: "email missing", change: drop("email"), field: "email" },
        { name: "email 100,000 characters", change: set("email", `${"e".repeat(100_000)}@example.test`), field: "email" },
        { name: "NUL in the email", change: set("email", "nobody\u0000@example.test"), field: "email" },
        { name: "invalid UTF-8 in the email", change: set("email", invalidUtf8), field: "email", bytes: true },
      ],
      withoutForm: { name: "", change: (parts) => parts, field: "email" },
    },
    {
      label: "sign-in",
      file: "app/(auth)/login/actions.ts",
      exportName: "signInAction",
      page: "/login",
      as: "anon",
      valid: [{ name: "next", value: "" }, { name: "email", value: "nobody.fuzz@example.test" }, { name: "password", value: "not-the-password-1" }],
      hostile: [
        { name: "email sent twice", change: twice("email", "second@example.test"), field: "email" },
        { name: "password missing", change: drop("password"), field: "password" },
        { name: "password 100,000 characters", change: set("password", "p".repeat(100_000)), field: "password" },
        // NUL cannot be stored or looked up in PostgreSQL text: the form must refuse it (a lookup with it logs an error).
        { name: "NUL in the email", change: set("email", "nobody\u0000@example.test"), field: "email" },
        { name: "invalid UTF-8 in the email", change: set("email", invalidUtf8), field: "email", bytes: true },
        // Sign-in checks no email format (a wrong email and a wrong password read the same): this
        // reaches the credentials check, and is refused there.
        { name: "next is an external URL", change: set("next", "https://evil.example/phish"), message: signInRefusal },
      ],
    },
    {
      label: "student: edit instructions",
      file: "app/(portal)/student/assignments/[id]/actions.ts",
      exportName: "editInstructionsAction",
      page: `/student/assignments/${t.studentAssignment.id}`,
      as: "student",
      valid: [
        { name: "assignmentId", value: t.studentAssignment.id },
        { name: "expectedVersion", value: String(t.studentAssignment.version) },
        { name: "instructions", value: "Solve every problem and show the working, please." },
      ],
      hostile: [
        { name: 'expectedVersion "1e309"', change: set("expectedVersion", "1e309"), field: "expectedVersion" },
        { name: 'expectedVersion "-0"', change: set("expectedVersion", "-0"), field: "expectedVersion" },
        { name: 'expectedVersion "NaN"', change: set("expectedVersion", "NaN"), field: "expectedVersion" },
        // The service looks the assignment up before validating the rest: an id it cannot find is refused as that.
        { name: "assignmentId not a UUID", change: set("assignmentId", "not-a-uuid"), message: /"message":"Assignment not found"/ },
        { name: "assignmentId sent twice", change: twice("assignmentId", "00000000-0000-4000-8000-000000000000"), message: /"message":"Assignment not found"/ },
        { name: "instructions 100,000 characters", change: set("instructions", "i".repeat(100_000)), field: "instructions" },
        { name: "NUL in the instructions", change: set("instructions", "Solve every problem\u0000 and show the working."), field: "instructions" },
        { name: "invalid UTF-8 in the instructions", change: set("instructions", Buffer.concat([Buffer.from("Solve every problem, "), invalidUtf8])), field: "instructions", bytes: true },
      ],
    },
    {
      label: "admin: create staff",
      file: "app/(portal)/admin/users/actions.ts",
      exportName: "createStaffAction",
      page: "/admin/users",
      as: "admin",
      valid: [
        { name: "fullName", value: "Fuzz Staff" },
        { name: "email", value: fuzzEmail() },
        { name: "role", value: "teacher" },
        { name: "title", value: "" },
      ],
      hostile: [
        { name: 'role "superuser"', change: set("role", "superuser"), field: "role" },
        { name: "role sent twice", change: twice("role", "admin"), field: "role" },
        { name: "email missing", change: drop("email"), field: "email" },
        { name: "NUL in the name", change: set("fullName", "Fuzz\u0000Staff"), field: "fullName" },
        { name: "invalid UTF-8 in the name", change: set("fullName", invalidUtf8), field: "fullName", bytes: true },
        { name: "name 100,000 characters", change: set("fullName", "n".repeat(100_000)), field: "fullName" },
      ],
    },
    {
      label: "student: start a thread",
      file: "app/(portal)/messages/actions.ts",
      exportName: "startThreadAction",
      page: "/messages",
      as: "student",
      valid: [
        { name: "recipientIds", value: randomUUID() },
        { name: "subject", value: "Fuzz subject" },
        { name: "body", value: "Fuzz first message" },
        { name: "clientMessageId", value: randomUUID() },
      ],
      hostile: [
        { name: "recipientIds not a UUID", change: set("recipientIds", "1 or 1=1"), field: "recipientIds" },
        { name: "subject sent twice", change: twice("subject", "Another"), field: "subject" },
        { name: "subject 100,000 characters", change: set("subject", "s".repeat(100_000)), field: "subject" },
        { name: "body missing", change: drop("body"), field: "body" },
        { name: "body 100,000 characters", change: set("body", "b".repeat(100_000)), field: "body" },
        { name: "NUL in the subject", change: set("subject", "Fuzz\u0000subject"), field: "subject" },
        { name: "invalid UTF-8 in the body", change: set("body", invalidUtf8), field: "body", bytes: true },
        { name: "clientMessageId missing", change: drop("clientMessageId"), field: "clientMessageId" },
      ],
    },
    {
      label: "admin: record a manual payment",
      file: "app/(portal)/admin/invoices/[id]/actions.ts",
      exportName: "recordManualPaymentAction",
      page: `/admin/invoices/${t.studentInvoice.id}`,
      as: "admin",
      valid: [
        { name: "invoiceId", value: t.studentInvoice.id },
        { name: "expectedVersion", value: String(t.studentInvoice.version) },
        { name: "method", value: "bank_transfer" },
        { name: "reference", value: "FUZZ-REF-1" },
        { name: "amount", value: "1.00" },
        { name: "paidOn", value: new Date().toISOString().slice(0, 10) },
        { name: "note", value: "" },
      ],
      hostile: [
        { name: 'amount "1e309"', change: set("amount", "1e309"), field: "amount" },
        { name: 'amount "-0"', change: set("amount", "-0"), field: "amount" },
        { name: 'amount "NaN"', change: set("amount", "NaN"), field: "amount" },
        { name: "amount sent twice", change: twice("amount", "2.00"), field: "amount" },
        { name: "invoiceId not a UUID", change: set("invoiceId", "1 or 1=1"), message: /"message":"Invoice not found"/ },
        { name: "NUL in the reference", change: set("reference", "FUZZ\u0000REF"), field: "reference" },
        { name: "invalid UTF-8 in the reference", change: set("reference", invalidUtf8), field: "reference", bytes: true },
      ],
    },
  ];
}

/**
 * A form action refuses a hostile form with 200 and its error state (`"status":"error"`), as its
 * form shows it: with an error listed for `field`, or `message`. Nothing else proves the hostile
 * value reached the action's validation (a body React would not send would never get that far).
 */
function refusedBy({ field, message, bytes }: Hostile): Expectation {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const shows = field ? new RegExp(`"fieldErrors":\\{[^}]*"${escape(field)}":\\[`) : message;
  // Bytes that are not UTF-8 reach the action as U+FFFD (the multipart decoder replaces them), so
  // either the proxy refuses the body (400, it sees the raw bytes) or the action refuses the field.
  return { status: bytes ? [200, 400] : [200], formError: true, shows };
}

async function actionCases(w: World): Promise<Case[]> {
  const cases: Case[] = [];
  for (const target of actionTargets(w.targets)) {
    // The dev server compiles a page (and writes its actions' manifest) on its first request.
    if (!w.production) await send(w.baseURL, withSession({ method: "GET", path: target.page, timeoutMs: 120_000 }, w.cookies[target.as]));
    const id = serverActionId(target.file, target.exportName, w.production);
    if (!id) throw new Error(`No server action ${target.exportName} of ${target.file} in the ${w.production ? "build's" : "dev server's"} server-reference-manifest.json`);
    const headers = (extra: Record<string, string> = {}) => ({ Origin: w.origin, Accept: "text/x-component", "Next-Action": id, ...extra });
    const at = (name: string, contentType: string | undefined, body: Buffer | string, expect: Expectation, extra: Record<string, string> = {}): Case => ({
      name: `${target.label}: ${name}`,
      as: target.as,
      request: { method: "POST", path: target.page, headers: { ...headers(extra), ...(contentType ? { "Content-Type": contentType } : {}) }, body },
      expect,
    });
    const good = await actionBody(target.valid);
    const framing: Expectation = { status: Array.from({ length: 100 }, (_, i) => 400 + i) };
    cases.push(
      at("empty body", undefined, "", framing),
      at("empty multipart", "multipart/form-data; boundary=x", "", framing),
      at("garbage under multipart", "multipart/form-data; boundary=x", Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 131) % 256)), framing),
      at("text that is not a React reply", "text/plain;charset=UTF-8", "this is not JSON", framing),
      at("JSON of the wrong shape", "text/plain;charset=UTF-8", '{"0":{"$ACTION_ID":"x"}}', framing),
      at("multipart without boundary", "multipart/form-data", good.body, framing),
      at("truncated multipart", good.contentType, good.body.subarray(0, Math.floor(good.body.length / 2)), framing),
      // A multipart reply whose root refers to no part: React never sends one; Next cannot decode it.
      at("multipart arguments of the wrong types", good.contentType, Buffer.from(good.body.toString("latin1").replace('[{"status":"idle"},"$K1"]', "[1,2,3]"), "latin1"), framing),
      // Numbers where the previous state and the form belong, as React encodes them (text): the
      // action gets no form and answers its error state.
      at("text arguments of the wrong types", "text/plain;charset=UTF-8", await actionTextBody([1, 2]), refusedBy(target.withoutForm ?? formNotSent)),
      at("cross-site Origin", good.contentType, good.body, { status: [403] }, { Origin: "https://evil.example" }),
      at("unknown action id", good.contentType, good.body, framing, { "Next-Action": "00".repeat(21) }),
      at("action id that is not hex", good.contentType, good.body, framing, { "Next-Action": "../../etc/passwd" }),
    );
    for (const hostile of target.hostile) {
      const body = await actionBody(hostile.change(target.valid.map((p) => ({ ...p }))));
      cases.push(at(hostile.name, body.contentType, body.body, refusedBy(hostile)));
    }
    cases.push({
      name: `${target.label}: chunked body past the limit`,
      as: target.as,
      request: { method: "POST", path: target.page, headers: { ...headers(), "Content-Type": "multipart/form-data; boundary=x" }, stream: { chunk: Buffer.alloc(1024 * 1024, 0x61), totalBytes: 16 * 1024 * 1024, prefix: Buffer.from('--x\r\nContent-Disposition: form-data; name="_1_email"\r\n\r\n') }, timeoutMs: 60_000 },
      // No answeredEarly here, unlike the /api uploads: proxy.ts stops reading at 1 MB, but Next
      // (next-server runMiddleware's finalize) drains the whole request body before it sends the
      // proxy's answer, so a 413 always comes after the last byte. Memory stays bounded
      // (experimental.proxyClientMaxBodySize in next.config.ts); the 413 and a quiet log are what is checked.
      expect: { status: [413] },
    });
  }
  return cases;
}
