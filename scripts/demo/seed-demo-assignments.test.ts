import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { seedDemoData } from "./seed-demo";
import { seedDemoAssignments } from "./seed-demo-assignments";
import { assignmentFiles, assignmentStatuses, assignments, deliveries, messageAttachments } from "@/db/schema";
import { testFileStore } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";

// Its own file: the demo seed only runs into an empty database.
it("seeds demo assignments in every status for the demo accounts, once, with their files stored", async () => {
  const db = await testDb();
  const files = testFileStore();
  // The demo accounts come with their assignments.
  await seedDemoData(db, { storageRoot: files.root });
  const statuses = new Set((await db.select({ status: assignments.status }).from(assignments)).map((row) => row.status));
  expect([...statuses].sort()).toEqual([...assignmentStatuses].sort());
  expect((await db.select().from(deliveries)).some((d) => d.late)).toBe(true);
  const stored = [...(await db.select({ key: assignmentFiles.storageKey }).from(assignmentFiles)), ...(await db.select({ key: messageAttachments.storageKey }).from(messageAttachments))];
  expect(files.storedFiles().sort()).toEqual(stored.map((f) => f.key).sort());
  expect(await seedDemoAssignments(db, { storageRoot: files.root })).toEqual({ created: 0 });
  expect(await db.select().from(assignments).where(eq(assignments.status, "submitted"))).toHaveLength(2);
});
