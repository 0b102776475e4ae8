import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/db/client";
import { testDb } from "@/test/db";
import { isDatabaseReachable } from "./database-reachable";

const pools: { end(): Promise<void> }[] = [];
const databaseAt = (url: string) => {
  const { db, pool } = createDatabase(url, 1);
  pool.on("error", () => {});
  pools.push(pool);
  return db;
};
afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end().catch(() => {})));
});

describe("the health check's database probe", () => {
  it("is true for a database that answers", async () => {
    expect(await isDatabaseReachable(await testDb())).toBe(true);
  });

  it("is false at once when nothing listens at the database's address", async () => {
    const started = Date.now();
    expect(await isDatabaseReachable(databaseAt("postgres://postgres:x@127.0.0.1:1/nano_problem"))).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("is false after its timeout when the server accepts the connection but never answers", async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = silent.address() as AddressInfo;
      const started = Date.now();
      expect(await isDatabaseReachable(databaseAt(`postgres://postgres:x@127.0.0.1:${port}/nano_problem`), 300)).toBe(false);
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
