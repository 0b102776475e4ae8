import { redirect } from "next/navigation";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db-availability";
import { testDb } from "@/test/db";
import { withOutageMessage } from "./outage";

// Nothing listens on port 1: the driver's own "connection refused", as while PostgreSQL restarts.
const { db: unreachable, pool } = createDatabase("postgres://postgres:x@127.0.0.1:1/nano_problem", 1);
pool.on("error", () => {});
afterAll(() => pool.end().catch(() => {}));

describe("a sign-up or password form while the database is unreachable", () => {
  it("says the service is briefly unavailable and keeps what was typed", async () => {
    const state = await withOutageMessage({ fullName: "Mei Tan", email: "mei@example.test" }, async () => {
      await unreachable.select().from(users).limit(1);
      return { status: "success" };
    });
    expect(state).toEqual({ status: "error", message: DATABASE_UNAVAILABLE_MESSAGE, values: { fullName: "Mei Tan", email: "mei@example.test" } });
  });

  it("answers as the form would when the database answers", async () => {
    const db = await testDb();
    const state = await withOutageMessage({}, async () => ({ status: "success", data: (await db.select().from(users).limit(1)).length }));
    expect(state).toEqual({ status: "success", data: expect.any(Number) });
  });

  it("lets the redirect after a successful sign-up through", async () => {
    await expect(withOutageMessage({}, async () => redirect("/student"))).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });

  it("still throws an error that is not an outage (the error page, with its reference, is right for a bug)", async () => {
    await expect(withOutageMessage({}, async () => Promise.reject(new TypeError("a bug")))).rejects.toThrow("a bug");
  });
});
