import { describe, expect, it } from "vitest";
import type { MessageView } from "@/lib/messaging/types";
import { initialMessageState, lastSeqOf, leavesGap, messageReducer, type ClientMessage } from "./message-store";

const me = { id: "u-me", name: "Mei", role: "student" as const };
const sam = { id: "u-sam", name: "Sam", role: "teacher" as const };

function message(seq: number, overrides: Partial<MessageView> = {}): MessageView {
  return {
    id: `m${seq}`,
    threadId: "t1",
    seq,
    clientMessageId: `c${seq}`,
    author: sam,
    body: `hello ${seq}`,
    createdAt: new Date(Date.UTC(2026, 10, 30, 10, seq)).toISOString(),
    editedAt: null,
    deletedAt: null,
    attachments: [],
    ...overrides,
  };
}

function pending(clientMessageId: string): ClientMessage {
  return { ...message(0, { id: `pending-${clientMessageId}`, clientMessageId, author: me }), status: "sending" };
}

describe("the open thread's messages", () => {
  it("keeps messages in seq order whatever order they arrive in", () => {
    let state = initialMessageState([message(1), message(3)], false);
    state = messageReducer(state, { type: "merge", messages: [message(2)] });
    expect(state.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it("shows an own message once when the live event comes before the POST answer", () => {
    let state = initialMessageState([message(1)], false);
    state = messageReducer(state, { type: "pending", message: pending("c-own") });
    const stored = message(2, { clientMessageId: "c-own", author: me });
    state = messageReducer(state, { type: "merge", messages: [stored] }); // live event
    state = messageReducer(state, { type: "merge", messages: [stored] }); // POST answer
    expect(state.pending).toHaveLength(0);
    expect(state.messages.filter((m) => m.clientMessageId === "c-own")).toHaveLength(1);
    expect(state.messages.at(-1)?.status).toBe("sent");
  });

  it("does not let a late POST answer re-add a pending copy after a retry", () => {
    let state = initialMessageState([], false);
    state = messageReducer(state, { type: "pending", message: pending("c-x") });
    state = messageReducer(state, { type: "failed", clientMessageId: "c-x", error: "Network" });
    expect(state.pending[0]?.status).toBe("failed");
    state = messageReducer(state, { type: "retrying", clientMessageId: "c-x" });
    state = messageReducer(state, { type: "pending", message: pending("c-x") });
    expect(state.pending).toHaveLength(1);
    state = messageReducer(state, { type: "merge", messages: [message(1, { clientMessageId: "c-x", author: me })] });
    state = messageReducer(state, { type: "pending", message: pending("c-x") });
    expect(state.pending).toHaveLength(0);
    expect(state.messages).toHaveLength(1);
  });

  it("matches a pending send by author too, since clientMessageId is unique per author only", () => {
    let state = initialMessageState([], false);
    state = messageReducer(state, { type: "pending", message: pending("same") });
    state = messageReducer(state, { type: "merge", messages: [message(1, { clientMessageId: "same", author: sam })] });
    expect(state.pending).toHaveLength(1);
  });

  it("keeps an edit when an older copy of the message arrives later", () => {
    const edited = message(1, { body: "fixed", editedAt: "2026-11-30T10:05:00Z" });
    let state = initialMessageState([message(1)], false);
    state = messageReducer(state, { type: "merge", messages: [edited] });
    state = messageReducer(state, { type: "merge", messages: [message(1)] });
    expect(state.messages[0]?.body).toBe("fixed");
    const deleted = message(1, { body: "", editedAt: "2026-11-30T10:05:00Z", deletedAt: "2026-11-30T10:06:00Z" });
    state = messageReducer(state, { type: "merge", messages: [deleted] });
    expect(state.messages[0]?.deletedAt).not.toBeNull();
  });

  it("prepends older pages and remembers whether there are more", () => {
    let state = initialMessageState([message(51), message(52)], true);
    state = messageReducer(state, { type: "older", messages: [message(49), message(50)], hasOlder: false });
    expect(state.messages.map((m) => m.seq)).toEqual([49, 50, 51, 52]);
    expect(state.hasOlder).toBe(false);
  });

  it("sees a gap when a live message skips seqs", () => {
    const state = initialMessageState([message(1), message(2)], false);
    expect(lastSeqOf(state)).toBe(2);
    expect(leavesGap(state, 3)).toBe(false);
    expect(leavesGap(state, 5)).toBe(true);
    expect(leavesGap(initialMessageState([], false), 1)).toBe(false);
    expect(leavesGap(initialMessageState([], false), 5)).toBe(true);
  });
});
