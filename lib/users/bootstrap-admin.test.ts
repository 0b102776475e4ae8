import { expect, it } from "vitest";
import { signIn } from "@/test/fixtures";
import { testDb } from "@/test/db";
import { bootstrapAdmin } from "./bootstrap-admin";

it("creates an admin who signs in once with a temporary password and must change it", async () => {
  const db = await testDb();
  const result = await bootstrapAdmin(db, { email: " Ops@Example.test ", fullName: "Ops Lead" });
  if (!result.ok) throw new Error(result.message);
  expect(result.data.publicId).toMatch(/^ADM-\d{6}$/);
  const signedIn = await signIn(db, "ops@example.test", result.data.temporaryPassword);
  expect(signedIn).toMatchObject({ ok: true, user: { role: "admin", mustChangePassword: true } });
  expect(await bootstrapAdmin(db, { email: "ops@example.test", fullName: "Again" })).toMatchObject({ ok: false, code: "conflict" });
  expect(await bootstrapAdmin(db, { email: "nope", fullName: "<b>" })).toMatchObject({ ok: false, code: "invalid" });
});
