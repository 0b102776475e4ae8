import { expect, it } from "vitest";
import { actorOf } from "@/test/fixtures";
import { testFileStore } from "@/test/assignment-fixtures";
import { testDb } from "@/test/db";
import { listMeetings, loadMeeting } from "@/lib/meetings/queries";
import { loadPeople } from "./seed-demo-assignments";
import { seedDemoData } from "./seed-demo";
import { seedDemoMeetings } from "./seed-demo-meetings";

// Its own file: the demo seed only runs into an empty database.
it("seeds Liam an accepted call tomorrow, an invitation to answer and last week's call with its attendance, once", async () => {
  const db = await testDb();
  await seedDemoData(db, { storageRoot: testFileStore().root });
  const people = await loadPeople(db);
  if (!people) throw new Error("demo people missing");
  const liam = await actorOf(db, people.liam.id);

  const upcoming = await listMeetings(db, liam, { when: "upcoming", q: "", page: 1 });
  expect(upcoming.rows.map((row) => [row.title, row.with.name, row.myResponse])).toEqual([
    ["Walk through the lab report", "Priya Raman", "accepted"],
    ["Check-in on your first month", "Diego Hernández", "invited"],
  ]);
  expect(upcoming.rows[0]?.assignment?.title).toBe("Pendulum lab report");

  const past = await listMeetings(db, liam, { when: "past", q: "", page: 1 });
  expect(past.rows.map((row) => [row.title, row.status])).toEqual([["Pendulum lab: plan the write-up", "completed"]]);
  const held = await loadMeeting(db, liam, past.rows[0]!.id);
  expect(held?.attendance.map((stay) => [stay.name, stay.leftAt !== null])).toEqual([
    ["Priya Raman", true],
    ["Liam Chen", true],
  ]);

  expect(await seedDemoMeetings(db)).toEqual({ created: 0 });
});
