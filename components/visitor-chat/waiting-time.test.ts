import { describe, expect, it } from "vitest";
import { formatWaiting, shortPage } from "./waiting-time";

describe("waiting time", () => {
  const now = new Date("2026-03-01T12:00:00Z");
  it.each([
    ["2026-03-01T11:59:40Z", "just now"],
    ["2026-03-01T11:56:00Z", "4 min"],
    ["2026-03-01T10:55:00Z", "1 h 5 min"],
    ["2026-03-01T10:00:00Z", "2 h"],
    ["2026-02-26T12:00:00Z", "3 d"],
    ["2026-03-01T12:05:00Z", "just now"],
  ])("%s is %s", (from, text) => expect(formatWaiting(from, now)).toBe(text));

  it("shortens pages and keeps what is not a URL", () => {
    expect(shortPage("https://nano.example/pricing?x=1")).toBe("nano.example/pricing");
    expect(shortPage("https://nano.example/")).toBe("nano.example");
    expect(shortPage("not a url")).toBe("not a url");
    expect(shortPage(null)).toBeNull();
  });
});
