import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { messageAttachments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createTeam, must, pngFile, textFile } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { getMessageAttachmentForDownload, uploadAttachment } from "./attachments";
import { deleteMessage, editMessage } from "./edit-message";
import { ensureSupportThread } from "./membership";
import { listInbox, listMessages } from "./queries";
import { sendMessage } from "./send-message";

type Db = Awaited<ReturnType<typeof testDb>>;

const send = (db: Db, actor: Actor, threadId: string, body: string, attachmentIds: string[] = []) => sendMessage(db, actor, { threadId, clientMessageId: randomUUID(), body, attachmentIds });
const minutesAfter = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000);

async function supportThread(db: Db) {
  const team = await createTeam(db);
  const threadId = await db.transaction((tx) => ensureSupportThread(tx, team.student.id));
  return { team, threadId };
}

describe("editing a message", () => {
  it("works within 15 minutes for its author, and everyone sees the new text marked edited", async () => {
    const db = await testDb();
    const { team, threadId } = await supportThread(db);
    const sent = must(await send(db, team.student, threadId, "The dead line is Friday"));
    expect(sent.editedAt).toBeNull();
    const at = minutesAfter(sent.createdAt, 14);
    const edited = must(await editMessage(db, team.student, { threadId, messageId: sent.id, body: "  The deadline is Friday  " }, at));
    expect(edited).toMatchObject({ id: sent.id, seq: sent.seq, body: "The deadline is Friday", editedAt: at.toISOString(), deletedAt: null });
    const [seen] = (await listMessages(db, team.rep, threadId))!.messages;
    expect(seen).toMatchObject({ body: "The deadline is Friday", editedAt: at.toISOString() });
    expect((await listInbox(db, team.rep)).items.find((item) => item.id === threadId)!.lastMessage!.preview).toBe("The deadline is Friday");
  });

  it("is refused after 15 minutes, for someone else's message, and to an empty text", async () => {
    const db = await testDb();
    const { team, threadId } = await supportThread(db);
    const sent = must(await send(db, team.student, threadId, "Original"));
    expect(await editMessage(db, team.student, { threadId, messageId: sent.id, body: "Too late" }, minutesAfter(sent.createdAt, 15.1))).toMatchObject({
      ok: false,
      code: "conflict",
      message: "Messages can be changed for 15 minutes after sending",
    });
    expect(await deleteMessage(db, team.student, { threadId, messageId: sent.id }, minutesAfter(sent.createdAt, 16), team.files)).toMatchObject({ ok: false, code: "conflict" });
    for (const other of [team.rep, team.admin]) {
      expect(await editMessage(db, other, { threadId, messageId: sent.id, body: "Rewritten by staff" })).toMatchObject({ ok: false, code: "not_found" });
      expect(await deleteMessage(db, other, { threadId, messageId: sent.id }, new Date(), team.files)).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(await editMessage(db, team.student, { threadId, messageId: sent.id, body: "   " })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { body: [expect.any(String)] } });
    expect(await editMessage(db, team.student, { threadId, messageId: randomUUID(), body: "Ghost" })).toMatchObject({ ok: false, code: "not_found" });
    expect((await listMessages(db, team.rep, threadId))!.messages[0]).toMatchObject({ body: "Original", editedAt: null, deletedAt: null });
  });
});

describe("deleting a message", () => {
  it("leaves a tombstone without words or files, which cannot be edited again", async () => {
    const db = await testDb();
    const { team, threadId } = await supportThread(db);
    const files = [
      must(await uploadAttachment(db, team.student, { threadId, files: [textFile("draft.md", "# My draft with a phone number")] }, team.files)),
      must(await uploadAttachment(db, team.student, { threadId, files: [pngFile()] }, team.files)),
    ];
    const sent = must(await send(db, team.student, threadId, "Here is my phone number", files.map((f) => f.id)));
    const kept = must(await send(db, team.student, threadId, "And a second thought"));
    expect(team.files.storedFiles()).toHaveLength(2);

    const deleted = must(await deleteMessage(db, team.student, { threadId, messageId: sent.id }, new Date(), team.files));
    expect(deleted).toMatchObject({ id: sent.id, seq: 1, body: "", attachments: [], deletedAt: expect.any(String), author: { id: team.student.id } });
    const page = (await listMessages(db, team.rep, threadId))!.messages;
    expect(page.map((m) => [m.seq, m.body, m.attachments.length, m.deletedAt !== null])).toEqual([
      [1, "", 0, true],
      [2, "And a second thought", 0, false],
    ]);
    expect(team.files.storedFiles()).toEqual([]);
    expect(await db.select().from(messageAttachments).where(eq(messageAttachments.threadId, threadId))).toEqual([]);
    for (const file of files) expect(await getMessageAttachmentForDownload(db, team.rep, file.id, team.files)).toMatchObject({ ok: false, code: "not_found" });

    expect(await editMessage(db, team.student, { threadId, messageId: sent.id, body: "Undo" })).toMatchObject({ ok: false, code: "conflict", message: "This message was deleted" });
    expect(await deleteMessage(db, team.student, { threadId, messageId: sent.id }, new Date(), team.files)).toMatchObject({ ok: false, code: "conflict" });

    // The inbox shows the last message as deleted when it is the one removed.
    must(await deleteMessage(db, team.student, { threadId, messageId: kept.id }, new Date(), team.files));
    expect((await listInbox(db, team.rep)).items.find((item) => item.id === threadId)!.lastMessage).toMatchObject({ deleted: true, preview: "", attachmentCount: 0 });
  });
});
