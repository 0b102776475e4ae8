import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, inject, it, vi } from "vitest";
import { createDatabase } from "@/db/client";
import { createAdmin } from "@/test/fixtures";
import { ensureDatabase } from "../lib/embedded-postgres";
import { prepareDemoData } from "./prepare-demo";

const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "nano-demo-uploads-"));
afterAll(() => fs.rmSync(uploads, { recursive: true, force: true }));

/** A fresh migrated database of its own, by URL as the orchestrator sees it. */
async function freshDatabaseUrl(): Promise<string> {
  const adminUrl = inject("postgresAdminUrl");
  const name = `demo_${randomBytes(6).toString("hex")}`;
  await ensureDatabase(adminUrl, name, "nano_template");
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

it("names the demo logins once seeded, and again on a later start of the same database", async () => {
  const url = await freshDatabaseUrl();
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  const first = await prepareDemoData(url, { seed: true, storageRoot: uploads });
  expect(log).toHaveBeenCalledWith("Seeded 11 demo accounts.");
  expect(first?.logins.map((login) => login.email)).toEqual(["admin@nanoproblem.test", "support@nanoproblem.test", "teacher@nanoproblem.test", "student@nanoproblem.test"]);
  expect(first?.more).toBe(7);
  log.mockClear();
  expect(await prepareDemoData(url, { seed: true, storageRoot: uploads })).toEqual(first);
  expect(log).not.toHaveBeenCalled();
  log.mockRestore();
  // `npm start` names none, even on a database that holds them.
  expect(await prepareDemoData(url, { seed: false })).toBeNull();
});

it("names none when the database has users of its own and the seed therefore added nobody", async () => {
  const url = await freshDatabaseUrl();
  const { db, pool } = createDatabase(url, 1);
  await createAdmin(db);
  await pool.end();
  expect(await prepareDemoData(url, { seed: true, storageRoot: uploads })).toBeNull();
});
