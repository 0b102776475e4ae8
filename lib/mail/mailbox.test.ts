import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { getMailboxMessage, listMailbox } from "./mailbox";
import { queueMail } from "./queue-mail";

describe("local mailbox", () => {
  it("lists messages newest first, queued ones included, and opens one by id", async () => {
    const db = await testDb();
    for (const subject of ["First", "Second", "Third"]) {
      await queueMail(db, { to: "reader@example.test", kind: "test", subject, text: subject, html: `<p>${subject}</p>` });
    }
    const list = await listMailbox(db);
    expect(list.map((m) => m.subject).slice(0, 3)).toEqual(["Third", "Second", "First"]);
    expect(list[0]).toMatchObject({ to: "reader@example.test", status: "queued" });
    expect(await getMailboxMessage(db, list[0]!.id)).toMatchObject({ subject: "Third", html: "<p>Third</p>" });
  });

  it("treats an id that is not one as missing rather than failing", async () => {
    const db = await testDb();
    expect(await getMailboxMessage(db, "not-a-uuid")).toBeNull();
    expect(await getMailboxMessage(db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
