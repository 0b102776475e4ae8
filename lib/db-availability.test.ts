import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it, inject } from "vitest";
import { createDatabase } from "@/db/client";
import { testDb } from "@/test/db";
import { databaseErrorSummary, isDatabaseUnavailable } from "./db-availability";

const pools: { end(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end().catch(() => {})));
});

/** A pool of its own (the one createDatabase makes for the app, idle-error handler included). */
function databaseAt(url: string, max = 2) {
  const made = createDatabase(url, max);
  pools.push(made.pool);
  return made;
}

const failureOf = async (work: Promise<unknown>): Promise<unknown> => work.then(() => new Error("expected a failure"), (error: unknown) => error);
const pidOf = async (db: ReturnType<typeof databaseAt>["db"]) => Number((await db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`)).rows[0]?.pid);

describe("telling an unreachable database from a failed query", () => {
  it.each([
    ["a restart (57P01 admin_shutdown)", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
    ["a server starting up (57P03)", Object.assign(new Error("the database system is starting up"), { code: "57P03" })],
    ["a connection exception (class 08)", Object.assign(new Error("connection failure"), { code: "08006" })],
    ["a refused socket", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["a refused socket on both addresses of localhost", new AggregateError([Object.assign(new Error("connect ECONNREFUSED ::1:5432"), { code: "ECONNREFUSED" })])],
    ["a dropped connection", new Error("Connection terminated unexpectedly")],
    ["a pool that could not connect in time", new Error("timeout exceeded when trying to connect")],
    ["any of these wrapped by Drizzle", new Error("Failed query: select 1\nparams: ", { cause: Object.assign(new Error("x"), { code: "57P01" }) })],
    ["a sign-in whose authorize() hit it (Auth.js's cause.err)", new Error("Read more at https://errors.authjs.dev#callbackrouteerror", { cause: { err: new Error("Connection terminated unexpectedly"), provider: "credentials" } })],
  ])("counts %s as unavailable", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" })],
    ["a syntax error", Object.assign(new Error("syntax error at or near"), { code: "42601" })],
    ["a bug of ours", new TypeError("Cannot read properties of undefined")],
    ["a thrown string", "Connection terminated"],
    ["nothing", undefined],
  ])("does not count %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("summarises the driver's words without Drizzle's query text and parameters", () => {
    const wrapped = new Error("Failed query: select * from users where email = $1\nparams: someone@example.org", { cause: Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }) });
    expect(databaseErrorSummary(wrapped)).toBe("57P01: terminating connection due to administrator command");
  });
});

describe("the app's pool while PostgreSQL goes away", () => {
  it("fails a query at once with an unavailable error when nothing listens at the database's address", async () => {
    const { db } = databaseAt("postgres://postgres:x@127.0.0.1:1/nano_problem");
    const error = await failureOf(db.execute(sql`select 1`));
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("fails a query whose connection is terminated (as by a restart) as unavailable, and serves the next one", async () => {
    const control = await testDb();
    const { db } = databaseAt(inject("postgresAdminUrl"));
    const pid = await pidOf(db);
    const running = failureOf(db.execute(sql`select pg_sleep(10)`));
    await expect.poll(async () => (await control.execute(sql`select 1 from pg_stat_activity where pid = ${pid} and state = 'active'`)).rows.length).toBe(1);
    await control.execute(sql`select pg_terminate_backend(${pid})`);
    expect(isDatabaseUnavailable(await running)).toBe(true);
    expect(await pidOf(db)).not.toBe(pid);
  });

  it("survives idle connections being terminated (no crash) and opens new ones for the next queries", async () => {
    const control = await testDb();
    const { db, pool } = databaseAt(inject("postgresAdminUrl"), 2);
    const pids = await Promise.all([pidOf(db), pidOf(db)]);
    const idleErrors: Error[] = [];
    pool.on("error", (error) => idleErrors.push(error));
    await control.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where pid in (${sql.join(pids, sql`, `)})`);
    // Every terminated connection must have reported itself before the next queries, or one of
    // them may be handed a connection whose termination is still on its way (a busy machine).
    await expect.poll(() => idleErrors.length).toBe(new Set(pids).size);
    expect(idleErrors.every((error) => isDatabaseUnavailable(error))).toBe(true);
    const after = await Promise.all([pidOf(db), pidOf(db), pidOf(db)]);
    expect(after.some((pid) => pids.includes(pid))).toBe(false);
  });
});
