import { describe, expect, it } from "vitest";
import { firstFieldErrors, uuid } from "./api";

describe("firstFieldErrors", () => {
  it("shows one message per field, whether the server sent a list or a string", () => {
    expect(firstFieldErrors({ name: ["Enter your name", "Too long"], email: "Enter your email", question: [], other: 3 })).toEqual({ name: "Enter your name", email: "Enter your email" });
    expect(firstFieldErrors(undefined)).toEqual({});
    expect(firstFieldErrors("nope")).toEqual({});
  });
});

describe("uuid", () => {
  it("makes v4 UUIDs the API accepts as clientMessageId", () => {
    const ids = new Set(Array.from({ length: 50 }, () => uuid()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
