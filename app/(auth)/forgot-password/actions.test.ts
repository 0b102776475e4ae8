import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { testDb } from "@/test/db";
import { createStudent } from "@/test/fixtures";
import { forgotPasswordAction } from "./actions";

// The request as a host-header poisoner sends it: every header that could name a host names theirs.
vi.mock("next/headers", () => ({
  headers: async () =>
    new Headers({ host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", origin: "https://evil.example", "x-forwarded-for": "198.51.100.200" }),
}));
let db: Database;
vi.mock("@/db/client", async (original) => ({ ...(await original<typeof import("@/db/client")>()), getDb: () => db }));

describe("the forgot-password form", () => {
  it("builds the emailed link from APP_URL, never from the request's Host", async () => {
    db = await testDb();
    const student = await createStudent(db);
    const form = new FormData();
    form.set("email", student.email);
    const state = await forgotPasswordAction({ status: "idle" }, form);
    expect(state).toMatchObject({ status: "success", message: expect.stringMatching(/If an account uses this email/) });
    const [mail] = await db.select().from(mailOutbox).where(and(eq(mailOutbox.to, student.email), eq(mailOutbox.kind, "password_reset")));
    expect(mail!.text).toMatch(/https:\/\/portal\.example\.test\/reset-password#token=/);
    expect(mail!.text + mail!.html).not.toContain("evil.example");
  });
});
