import { describe, expect, it } from "vitest";
import type { VisitorMessageView, VisitorSessionDetail } from "@/lib/visitor-chat/types";
import { hasGap, mergeMessages, seenStaffSeq } from "./message-merge";

const message = (seq: number, author: "visitor" | "staff" = "visitor", sessionId = "s1"): VisitorMessageView => ({ id: `m${seq}`, sessionId, seq, author, authorName: author === "staff" ? "Rita" : null, body: `#${seq}`, createdAt: new Date(seq * 1000).toISOString() });
const session = (messages: VisitorMessageView[], extra: Partial<VisitorSessionDetail> = {}) => ({ id: "s1", messages, lastSeq: messages.at(-1)?.seq ?? 0, visitorReadSeq: 0, ...extra }) as VisitorSessionDetail;

describe("the console's message list", () => {
  it("merges in seq order, each seq once, ignoring other sessions' messages", () => {
    const merged = mergeMessages(session([message(1), message(3)]), [message(2), message(3), message(4, "visitor", "other")]);
    expect(merged.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(merged.lastSeq).toBe(3);
  });

  it("sees a hole left by a missed event", () => {
    expect(hasGap(session([message(1), message(3)]))).toBe(true);
    expect(hasGap(session([message(1), message(2)]))).toBe(false);
    expect(hasGap(session([message(1)], { lastSeq: 2 }))).toBe(true);
  });

  it("puts the visitor's receipt under the newest staff message they read", () => {
    const s = session([message(1), message(2, "staff"), message(3, "staff"), message(4)]);
    expect(seenStaffSeq({ ...s, visitorReadSeq: 1 })).toBeNull();
    expect(seenStaffSeq({ ...s, visitorReadSeq: 2 })).toBe(2);
    expect(seenStaffSeq({ ...s, visitorReadSeq: 4 })).toBe(3);
  });
});
