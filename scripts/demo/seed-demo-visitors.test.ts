import { expect, it } from "vitest";
import { actorOf } from "@/test/fixtures";
import { testFileStore } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { listVisitorQueue } from "@/lib/visitor-chat/queue-queries";
import { loadPeople } from "./seed-demo-assignments";
import { seedDemoData } from "./seed-demo";
import { seedDemoVisitors } from "./seed-demo-visitors";

// Its own file: the demo seed only runs into an empty database.
it("seeds a waiting visitor and an offline lead for the CS reps' console, once", async () => {
  const db = await testDb();
  await seedDemoData(db, { storageRoot: testFileStore().root });
  const people = await loadPeople(db);
  if (!people) throw new Error("demo people missing");
  const diego = await actorOf(db, people.diego.id);

  const live = await listVisitorQueue(db, diego, { view: "live" });
  expect(live.items.map((item) => [item.name, item.status, item.unread])).toEqual([["Maya Lindqvist", "open", 2]]);
  expect(live.items[0]?.firstMessage).toContain("organic chemistry");
  const offline = await listVisitorQueue(db, diego, { view: "offline" });
  expect(offline.items.map((item) => [item.name, item.email])).toEqual([["Tomás Herrera", "tomas.herrera@example.com"]]);

  expect(await seedDemoVisitors(db)).toEqual({ created: 0 });
});
