import { expect, it } from "vitest";
import { claimsOf, createStudent } from "@/test/fixtures";
import { testDb } from "@/test/db";
import { revokeSession } from "./revoke-session";
import { loadSessionActor } from "./session-actor";

it("signing out ends that session only, even if its token is presented again", async () => {
  const db = await testDb();
  const student = await createStudent(db);
  const laptop = await claimsOf(db, student.id);
  const phone = await claimsOf(db, student.id);
  await revokeSession(db, laptop);
  expect(await loadSessionActor(db, laptop)).toBeNull();
  expect(await loadSessionActor(db, phone)).toMatchObject({ id: student.id });
  await revokeSession(db, laptop);
});

it("refuses a token without a session id", async () => {
  const db = await testDb();
  const student = await createStudent(db);
  const { sid: _sid, ...withoutSid } = await claimsOf(db, student.id);
  expect(await loadSessionActor(db, withoutSid)).toBeNull();
});
