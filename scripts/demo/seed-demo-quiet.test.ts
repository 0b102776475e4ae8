import { afterEach, expect, it, vi } from "vitest";
import { publishAfterCommit } from "@/lib/realtime/publish";
import { testFileStore } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { findFreePort } from "../lib/ports";
import { seedDemoData } from "./seed-demo";

afterEach(() => {
  vi.restoreAllMocks();
});

// Its own file: the demo seed only runs into an empty database.
it("seeds without a single warning even though no real-time server is up yet", async () => {
  // Nothing listens on this port, as before `npm run dev` has started its real-time server.
  process.env.PUSHER_PORT = String(await findFreePort());
  process.env.LOG_LEVEL = "info";
  const db = await testDb();
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  const warnings = vi.spyOn(console, "warn").mockImplementation(() => {});

  expect((await seedDemoData(db, { storageRoot: testFileStore().root })).created).toBeGreaterThan(0);
  expect(errors).not.toHaveBeenCalled();
  expect(warnings).not.toHaveBeenCalled();

  // Outside the seed the same publish is attempted and its failure is logged, so the check above is real.
  await publishAfterCommit([{ channel: "private-user-x", name: "notification.created", data: {} }]);
  expect(errors).toHaveBeenCalledWith(expect.stringContaining("real-time publish failed"));
});
