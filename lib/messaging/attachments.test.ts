import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { messageAttachments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createTeam, must, pngFile, textFile } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { createStudent } from "@/test/fixtures";
import { getMessageAttachmentForDownload, removePendingAttachment, uploadAttachment } from "./attachments";
import { ensureSupportThread } from "./membership";
import { listInbox, listMessages } from "./queries";
import { sendMessage } from "./send-message";
import { startThread } from "./start-thread";

type Db = Awaited<ReturnType<typeof testDb>>;

const send = (db: Db, actor: Actor, threadId: string, body: string, attachmentIds: string[]) => sendMessage(db, actor, { threadId, clientMessageId: randomUUID(), body, attachmentIds });
const bytesOf = async (body: ReadableStream | Uint8Array | Buffer) => new Uint8Array(await new Response(body as BodyInit).arrayBuffer());

async function supportThread(db: Db) {
  const team = await createTeam(db);
  const threadId = await db.transaction((tx) => ensureSupportThread(tx, team.student.id));
  return { team, threadId };
}

describe("attaching files to a message", () => {
  it("an upload waits for its message, which then carries it to everyone in the thread", async () => {
    const db = await testDb();
    const { team, threadId } = await supportThread(db);
    const png = pngFile("graph.png");
    const file = must(await uploadAttachment(db, team.student, { threadId, files: [png] }, team.files));
    expect(file).toEqual({ id: expect.any(String), name: "graph.png", size: png.bytes.byteLength, mimeType: "image/png", url: `/api/files/messages/${file.id}` });
    expect(team.files.storedFiles()).toHaveLength(1);
    // Pending: the uploader's alone.
    expect(must(await getMessageAttachmentForDownload(db, team.student, file.id, team.files)).name).toBe("graph.png");
    expect(await getMessageAttachmentForDownload(db, team.rep, file.id, team.files)).toMatchObject({ ok: false, code: "not_found" });

    const sent = must(await send(db, team.student, threadId, "", [file.id]));
    expect(sent.body).toBe("");
    expect(sent.attachments).toEqual([file]);
    expect((await listMessages(db, team.rep, threadId))!.messages[0]!.attachments).toEqual([file]);
    expect((await listInbox(db, team.rep)).items.find((item) => item.id === threadId)!.lastMessage).toMatchObject({ preview: "", attachmentCount: 1 });
    for (const member of [team.student, team.rep, team.admin]) {
      const download = must(await getMessageAttachmentForDownload(db, member, file.id, team.files));
      expect(download).toMatchObject({ name: "graph.png", mimeType: "image/png", size: png.bytes.byteLength, contentDisposition: expect.stringMatching(/^attachment; filename="graph\.png"/) });
      expect(await bytesOf(download.body)).toEqual(png.bytes);
    }
    const outsider = await createStudent(db, "Olive Outsider");
    expect(await getMessageAttachmentForDownload(db, outsider, file.id, team.files)).toMatchObject({ ok: false, code: "not_found" });
    expect(await getMessageAttachmentForDownload(db, team.teacher, file.id, team.files)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("a pending file is sent once, only by its uploader, and only in its own thread", async () => {
    const db = await testDb();
    const { team, threadId } = await supportThread(db);
    const { threadId: otherThread } = must(await startThread(db, team.student, { recipientIds: [team.rep.id], subject: "Other", body: "Hi", clientMessageId: randomUUID() }));
    const file = must(await uploadAttachment(db, team.student, { threadId, files: [textFile()] }, team.files));
    const refused = { ok: false, code: "invalid", fieldErrors: { attachmentIds: ["An attachment is missing or was already sent. Attach the file again."] } };

    expect(await send(db, team.rep, threadId, "Mine now", [file.id])).toMatchObject(refused);
    expect(await send(db, team.student, otherThread, "Wrong thread", [file.id])).toMatchObject(refused);
    expect(await send(db, team.student, threadId, "Unknown file", [randomUUID()])).toMatchObject(refused);
    expect(await send(db, team.student, threadId, "One good, one unknown", [file.id, randomUUID()])).toMatchObject(refused);
    // Refused sends stored nothing and left the file pending.
    expect((await listMessages(db, team.rep, threadId))!.messages).toEqual([]);
    const [row] = await db.select().from(messageAttachments).where(eq(messageAttachments.id, file.id));
    expect(row!.messageId).toBeNull();

    must(await send(db, team.student, threadId, "Notes attached", [file.id]));
    expect(await send(db, team.student, threadId, "Again", [file.id])).toMatchObject(refused);
    expect((await listMessages(db, team.rep, threadId))!.messages.map((m) => [m.body, m.attachments.length])).toEqual([["Notes attached", 1]]);
  });

  it("a pending file can be removed by its uploader; a sent one cannot", async () => {
    const db = await testDb();
    const { team, threadId } = await supportThread(db);
    const pending = must(await uploadAttachment(db, team.student, { threadId, files: [textFile("a.md")] }, team.files));
    const sent = must(await uploadAttachment(db, team.student, { threadId, files: [textFile("b.md")] }, team.files));
    must(await send(db, team.student, threadId, "Only b", [sent.id]));
    expect(team.files.storedFiles()).toHaveLength(2);

    expect(await removePendingAttachment(db, team.rep, { threadId, attachmentId: pending.id }, team.files)).toMatchObject({ ok: false, code: "not_found" });
    expect(must(await removePendingAttachment(db, team.student, { threadId, attachmentId: pending.id }, team.files))).toEqual({ removed: true });
    expect(team.files.storedFiles()).toHaveLength(1);
    expect(await getMessageAttachmentForDownload(db, team.student, pending.id, team.files)).toMatchObject({ ok: false, code: "not_found" });
    expect(await removePendingAttachment(db, team.student, { threadId, attachmentId: pending.id }, team.files)).toMatchObject({ ok: false, code: "not_found" });

    expect(await removePendingAttachment(db, team.student, { threadId, attachmentId: sent.id }, team.files)).toMatchObject({ ok: false, code: "not_found" });
    expect(team.files.storedFiles()).toHaveLength(1);
    expect(must(await getMessageAttachmentForDownload(db, team.rep, sent.id, team.files)).name).toBe("b.md");
  });

  it("refuses HTML and other web markup like every other upload, storing nothing", async () => {
    const db = await testDb();
    const { team, threadId } = await supportThread(db);
    for (const file of [
      textFile("page.html", "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
      textFile("notes.txt", "<script>document.location='https://evil.example'</script>"),
      { name: "icon.svg", type: "image/svg+xml", bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') },
    ]) {
      const result = await uploadAttachment(db, team.student, { threadId, files: [file] }, team.files);
      expect(result, file.name).toMatchObject({ ok: false, code: "invalid", message: expect.stringContaining("markup"), fieldErrors: { files: [expect.stringContaining(file.name)] } });
    }
    expect(await uploadAttachment(db, team.student, { threadId, files: [] }, team.files)).toMatchObject({ ok: false, code: "invalid", message: "Upload one file at a time" });
    expect(await uploadAttachment(db, team.student, { threadId, files: [textFile("a.md"), textFile("b.md")] }, team.files)).toMatchObject({ ok: false, code: "invalid" });
    const tooBig = textFile("big.md", "x".repeat(65 * 1024));
    expect(await uploadAttachment(db, team.student, { threadId, files: [tooBig] }, team.files)).toMatchObject({ ok: false, code: "invalid", message: expect.stringContaining("larger than") });
    expect(team.files.storedFiles()).toEqual([]);
    expect(await db.select().from(messageAttachments).where(eq(messageAttachments.threadId, threadId))).toEqual([]);
  });

  it("stops taking uploads once 20 files wait unsent in a thread", async () => {
    const db = await testDb();
    const { team, threadId } = await supportThread(db);
    await Promise.all(Array.from({ length: 20 }, (_, i) => uploadAttachment(db, team.student, { threadId, files: [textFile(`f${i}.md`, `# File ${i}`)] }, team.files).then(must)));
    expect(await uploadAttachment(db, team.student, { threadId, files: [textFile("f20.md")] }, team.files)).toMatchObject({ ok: false, code: "conflict" });
    expect(team.files.storedFiles()).toHaveLength(20);
  });
});
