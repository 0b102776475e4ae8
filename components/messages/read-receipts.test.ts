import { expect, it } from "vitest";
import type { ThreadParticipantView } from "@/lib/messaging/types";
import { seenByPosition } from "./read-receipts";

const person = (id: string, name: string, lastReadSeq: number, active = true): ThreadParticipantView => ({ id, name, role: "teacher", lastReadSeq, active });
const messages = [1, 2, 3, 4].map((seq) => ({ seq, author: { id: seq === 4 ? "mei" : "me" } }));

it("puts each reader under the last message they have read", () => {
  const participants = [person("me", "Me", 4), person("sam", "Sam", 2), person("ana", "Ana", 2), person("mei", "Mei", 3)];
  const seen = seenByPosition(messages, participants, {}, "me");
  expect(seen.get(2)).toEqual(["Sam", "Ana"]);
  expect(seen.get(3)).toEqual(["Mei"]);
});

it("follows live read events over the page's numbers", () => {
  const seen = seenByPosition(messages, [person("sam", "Sam", 1)], { sam: 3 }, "me");
  expect([...seen.keys()]).toEqual([3]);
});

it("leaves out the viewer, people who left, and a reader's own last message", () => {
  const participants = [person("me", "Me", 4), person("gone", "Gone", 3, false), person("mei", "Mei", 4)];
  expect(seenByPosition(messages, participants, {}, "me").size).toBe(0);
});
