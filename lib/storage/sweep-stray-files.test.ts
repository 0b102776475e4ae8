import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { UTApi } from "uploadthing/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignmentFiles } from "@/db/schema";
import { assignmentIn, createTeam } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { startUploadThingStandIn, type UploadThingStandIn } from "@/test/standins/uploadthing-server";
import { newStorageKey } from "./driver";
import { STRAY_FILE_GRACE_SECONDS, sweepStrayFiles } from "./sweep-stray-files";
import { UploadThingStorageDriver } from "./uploadthing-driver";

const bytes = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
const later = () => new Date(Date.now() + (STRAY_FILE_GRACE_SECONDS + 60) * 1000);

let standIn: UploadThingStandIn;
beforeAll(async () => {
  standIn = await startUploadThingStandIn();
});
afterAll(() => standIn.close());

/** A brief file the team's student recorded through requestAssignment: its storage key. */
async function recordedFile() {
  const db = await testDb();
  const team = await createTeam(db);
  const { id } = await assignmentIn(db, team, "submitted");
  const [row] = await db.select({ key: assignmentFiles.storageKey }).from(assignmentFiles).where(eq(assignmentFiles.assignmentId, id));
  if (!row) throw new Error("fixture: no brief file");
  return { db, team, recordedKey: row.key };
}

describe("the stray-file sweep", () => {
  it("removes local files no row records once they are past the grace period, and abandoned partial writes", async () => {
    const { db, team, recordedKey } = await recordedFile();
    const storage = team.files.storage;
    // As if the process died after storing and before its transaction committed.
    const strayKey = newStorageKey();
    await storage.put(strayKey, bytes, { contentType: "application/pdf", size: bytes.byteLength });
    // As if it died in the middle of writing a file.
    const partial = path.join(team.files.root, strayKey.slice(0, 2), `${newStorageKey()}.0a1b2c.part`);
    fs.writeFileSync(partial, "half a fi");

    expect(await sweepStrayFiles(db, storage)).toEqual({ removed: [], partials: 0 });
    expect(await storage.get(strayKey)).not.toBeNull();

    expect(await sweepStrayFiles(db, storage, { now: later() })).toEqual({ removed: [strayKey], partials: 1 });
    expect(await storage.get(strayKey)).toBeNull();
    expect(fs.existsSync(partial)).toBe(false);
    const kept = await storage.get(recordedKey);
    expect(kept).not.toBeNull();
    await kept?.cancel();
  });

  it("removes UploadThing files no row records, and leaves recorded files and files it did not name", async () => {
    const { db, recordedKey } = await recordedFile();
    const storage = new UploadThingStorageDriver(new UTApi({ token: standIn.token, apiUrl: standIn.url, ingestUrl: standIn.url, logLevel: "None" }));
    const strayKey = newStorageKey();
    for (const key of [recordedKey, strayKey]) await storage.put(key, bytes, { contentType: "application/pdf", size: bytes.byteLength });
    const hasCustomId = (id: string) => [...standIn.files.values()].some((file) => file.customId === id);
    const notOurs = newStorageKey();
    standIn.files.set(notOurs, { key: notOurs, customId: "avatar-7", name: "avatar.png", type: "image/png", size: 1, acl: "private", contentDisposition: "inline", bytes: new Uint8Array(1), uploadedAt: 0 });

    expect((await sweepStrayFiles(db, storage)).removed).toEqual([]);
    expect(hasCustomId(strayKey)).toBe(true);

    const { removed } = await sweepStrayFiles(db, storage, { now: later() });
    expect(removed).toEqual([strayKey]);
    expect(hasCustomId(strayKey)).toBe(false);
    expect(hasCustomId(recordedKey)).toBe(true);
    expect(standIn.files.has(notOurs)).toBe(true);
  });
});
