import { randomBytes } from "node:crypto";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as schema from "@/db/schema";
import { auditLogs } from "@/db/schema";
import { createTeam, type Team } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { auditCsvStream, csvField, csvRecord } from "./csv";
import { listAuditLog } from "./queries";
import { auditLogQuerySchema } from "./schemas";

const query = (input: Record<string, string>) => auditLogQuerySchema.parse(input);
const ORIGIN = "https://portal.example.test";

describe("CSV fields", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["crlf\r\nline", '"crlf\r\nline"'],
    ["Ünïcödé 名前", "Ünïcödé 名前"],
  ])("%j is written as %j (RFC 4180)", (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it.each([
    ["=HYPERLINK(\"http://evil.example\",\"x\")", `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ["=1+2", "'=1+2"],
    ["+1", "'+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=cmd", "'\t=cmd"],
    ["\r=cmd", `"'\r=cmd"`],
    ["=a,b", `"'=a,b"`],
  ])("a would-be formula %j is neutralized with a leading apostrophe: %j", (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it("leaves formula characters alone past the first character, and writes numbers and nothing plainly", () => {
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField("user@example.test")).toBe("user@example.test");
    expect(csvField(42)).toBe("42");
    expect(csvField(null)).toBe("");
    expect(csvRecord(["a", "b,c", null])).toBe('a,"b,c",\r\n');
  });
});

describe("the CSV export", () => {
  let db: Database;
  let team: Team;
  let pool: pg.Pool;
  beforeAll(async () => {
    db = await testDb();
    pool = (db as unknown as { $client: pg.Pool }).$client;
    team = await createTeam(db);
  });

  /** A Drizzle instance on the same pool that counts the audit-log reads it makes. */
  function countingDb() {
    const reads = { count: 0 };
    const counting = drizzle(pool, { schema, logger: { logQuery: (text) => void (/from "audit_logs"/.test(text) && /^select/.test(text) && (reads.count += 1)) } });
    return { counting, reads };
  }

  async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
    return new Response(stream).text();
  }

  it("writes the filtered rows newest first, neutralizing hostile text", async () => {
    const action = `test.export_${randomBytes(4).toString("hex")}`;
    await db.insert(auditLogs).values([
      { action, targetType: "user", targetId: team.student.id, actorId: team.student.id, ip: "203.0.113.7", metadata: { reason: '=HYPERLINK("http://evil.example")', note: 'a, "quoted"\nline' }, createdAt: new Date("2026-04-01T10:00:00Z") },
      { action, targetType: "user", actorId: null, ip: "-1+1", metadata: { from: "submitted", to: "approved" }, createdAt: new Date("2026-04-02T10:00:00Z") },
    ]);
    const bytes = new Uint8Array(await new Response(await auditCsvStream(db, team.admin, query({ action }), { origin: ORIGIN })).arrayBuffer());
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFFTime (UTC),Time (UTC),Actor,Actor role,Actor public ID,Action,Target type,Target ID,Target,Target link,IP,Details,Metadata (JSON)\r\n")).toBe(true);
    const [, newest, oldest, end] = text.split("\r\n");
    expect(end).toBe("");
    expect(newest).toBe(`2026-04-02 10:00:00,2026-04-02T10:00:00.000Z,System,,,${action},user,,User,,'-1+1,Value: submitted → approved,"{""to"":""approved"",""from"":""submitted""}"`);
    // The formula inside a longer cell cannot run (the cell starts with "Reason"); quotes are doubled, the line break kept inside quotes.
    expect(oldest).toContain(`,Liam Student,Student,STU-`);
    expect(oldest).toContain(`${ORIGIN}/admin/users?q=STU-`);
    expect(oldest).toContain(',"Note: a, ""quoted""\nline; Reason: =HYPERLINK(""http://evil.example"")",');
  });

  it("reads the log in keyset batches as the reader pulls, never the whole table at once", async () => {
    const action = `test.batches_${randomBytes(4).toString("hex")}`;
    await db.insert(auditLogs).values(Array.from({ length: 25 }, (_, i) => ({ action, targetType: "user", metadata: { i } })));
    const { counting, reads } = countingDb();
    const stream = await auditCsvStream(counting, team.admin, query({ action }), { origin: ORIGIN, batchSize: 10 });
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    const records = (chunk: Uint8Array) => decoder.decode(chunk).split("\r\n").filter(Boolean).length;

    const header = await reader.read();
    expect(records(header.value!)).toBe(1);
    const first = await reader.read();
    expect(records(first.value!)).toBe(10);
    // One batch read, and at most one more buffered ahead of the reader.
    expect(reads.count).toBeLessThanOrEqual(2);
    const rest: number[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) rest.push(records(next.value));
    expect(rest).toEqual([10, 5]);
    expect(reads.count).toBe(3);
  });

  it("stops reading when the download is cancelled", async () => {
    const action = `test.cancel_${randomBytes(4).toString("hex")}`;
    await db.insert(auditLogs).values(Array.from({ length: 40 }, () => ({ action, targetType: "user" })));
    const { counting, reads } = countingDb();
    const reader = (await auditCsvStream(counting, team.admin, query({ action }), { origin: ORIGIN, batchSize: 10 })).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads.count).toBeLessThanOrEqual(2);
  });

  it("records the export in the audit log, with its filters", async () => {
    const action = `test.audited_${randomBytes(4).toString("hex")}`;
    await readAll(await auditCsvStream(db, team.admin, query({ action, from: "2026-01-01" }), { origin: ORIGIN }));
    const page = await listAuditLog(db, team.admin, query({ action: "audit_log.exported", actor: team.admin.email }));
    expect(page.rows[0]).toMatchObject({ actor: { id: team.admin.id }, metadata: { filters: { action, from: "2026-01-01" } } });
  });

  it.each(["student", "teacher", "rep"] as const)("refuses a %s before writing anything", async (who) => {
    await expect(auditCsvStream(db, team[who], query({}), { origin: ORIGIN })).rejects.toMatchObject({ code: "forbidden" });
  });
});
