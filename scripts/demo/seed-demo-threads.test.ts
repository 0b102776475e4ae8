import { expect, it } from "vitest";
import { actorOf } from "@/test/fixtures";
import { testFileStore } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { countUnreadThreads, listInbox, listMessages } from "@/lib/messaging/queries";
import { loadPeople } from "./seed-demo-assignments";
import { seedDemoData } from "./seed-demo";
import { seedDemoThreads } from "./seed-demo-threads";

// Its own file: the demo seed only runs into an empty database.
it("seeds a Support thread, an assignment thread with a file and a staff thread, once", async () => {
  const db = await testDb();
  const files = testFileStore();
  await seedDemoData(db, { storageRoot: files.root });
  const people = await loadPeople(db);
  if (!people) throw new Error("demo people missing");
  const liam = await actorOf(db, people.liam.id);
  const diego = await actorOf(db, people.diego.id);

  const inbox = await listInbox(db, liam);
  expect(inbox.items.map((item) => item.kind).sort()).toEqual(["assignment", "support"]);
  const support = inbox.items.find((item) => item.kind === "support");
  expect(support?.lastMessage?.preview).toContain("Hypothesis testing worksheet");
  const lab = inbox.items.find((item) => item.subject.includes("Pendulum lab report"));
  expect(lab?.unreadCount).toBe(1);
  const page = await listMessages(db, liam, lab!.id);
  expect(page?.messages.flatMap((message) => message.attachments.map((file) => file.name))).toEqual(["setup-notes.txt"]);

  // Diego (CS rep) sees the student's Support thread and Priya's direct thread, each with something unread.
  const staffInbox = await listInbox(db, diego);
  expect(staffInbox.items.some((item) => item.kind === "direct" && item.subject === "Availability next week" && item.unreadCount === 1)).toBe(true);
  expect(await countUnreadThreads(db, diego)).toBeGreaterThanOrEqual(2);

  expect(await seedDemoThreads(db, { storageRoot: files.root })).toEqual({ created: 0 });
});
