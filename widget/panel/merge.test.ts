import { describe, expect, it } from "vitest";
import type { VisitorMessageView } from "@/lib/visitor-chat/types";
import { hasUnreadFromStaff, lastSeq, lastVisitorMessage, mergeMessages } from "./merge";

const message = (seq: number, author: "visitor" | "staff" = "visitor", id = `m${seq}`): VisitorMessageView => ({
  id,
  sessionId: "s1",
  seq,
  author,
  authorName: author === "staff" ? "Anna" : null,
  body: `body ${seq}`,
  createdAt: new Date(1_760_000_000_000 + seq * 1000).toISOString(),
});

describe("mergeMessages", () => {
  it("keeps each message once, in seq order, whichever way it came", () => {
    const held = [message(1), message(3)];
    const merged = mergeMessages(held, [message(2, "staff"), message(3), message(4)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
  });

  it("takes the newer copy of a message it holds", () => {
    const merged = mergeMessages([message(1)], [{ ...message(1), body: "edited" }]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.body).toBe("edited");
  });

  it("never shows two messages at one seq", () => {
    const merged = mergeMessages([message(5, "visitor", "a")], [message(5, "visitor", "b")]);
    expect(merged).toHaveLength(1);
  });

  it("returns what it holds when nothing arrived", () => {
    const held = [message(1)];
    expect(mergeMessages(held, [])).toBe(held);
  });
});

describe("positions", () => {
  it("finds the last seq, the visitor's last message and unread staff messages", () => {
    const messages = [message(1), message(2, "staff"), message(3), message(4, "staff")];
    expect(lastSeq(messages)).toBe(4);
    expect(lastSeq([])).toBe(0);
    expect(lastVisitorMessage(messages)?.seq).toBe(3);
    expect(lastVisitorMessage([message(1, "staff")])).toBeUndefined();
    expect(hasUnreadFromStaff(messages, 3)).toBe(true);
    expect(hasUnreadFromStaff(messages, 4)).toBe(false);
  });
});
