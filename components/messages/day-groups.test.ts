import { describe, expect, it } from "vitest";
import { dayKey, dayLabel, formatInboxTime, groupByDay } from "./day-groups";

describe("days in the viewer's time zone", () => {
  it("puts a late-evening UTC message on the next day in Tokyo and the same day in Toronto", () => {
    const at = new Date("2026-11-29T22:30:00Z");
    expect(dayKey(at, "Asia/Tokyo")).toBe("2026-11-30");
    expect(dayKey(at, "America/Toronto")).toBe("2026-11-29");
  });

  it("groups consecutive messages by the viewer's day", () => {
    const messages = [{ createdAt: "2026-11-29T10:00:00Z" }, { createdAt: "2026-11-29T14:59:00Z" }, { createdAt: "2026-11-29T15:01:00Z" }];
    // Tokyo is UTC+9: 15:01 UTC is already the 30th there.
    expect(groupByDay(messages, "Asia/Tokyo").map((g) => [g.key, g.items.length])).toEqual([
      ["2026-11-29", 2],
      ["2026-11-30", 1],
    ]);
    expect(groupByDay(messages, "UTC")).toHaveLength(1);
  });

  it("names today, yesterday, and older days", () => {
    const now = new Date("2026-11-30T01:00:00Z");
    expect(dayLabel("2026-11-30", now, "UTC")).toBe("Today");
    expect(dayLabel("2026-11-29", now, "UTC")).toBe("Yesterday");
    // Still the 29th in Toronto, so the 29th is today there.
    expect(dayLabel("2026-11-29", now, "America/Toronto")).toBe("Today");
    expect(dayLabel("2026-11-23", now, "UTC")).toBe("Monday 23 November");
    expect(dayLabel("2025-12-31", now, "UTC")).toBe("31 December 2025");
  });

  it("crosses a month and a year boundary for yesterday", () => {
    expect(dayLabel("2026-12-31", new Date("2027-01-01T12:00:00Z"), "UTC")).toBe("Yesterday");
  });

  it("shows an inbox time as an hour today and a date before", () => {
    const now = new Date("2026-11-30T12:00:00Z");
    expect(formatInboxTime(new Date("2026-11-30T09:05:00Z"), now, "Europe/Berlin")).toBe("10:05");
    expect(formatInboxTime(new Date("2026-11-29T09:05:00Z"), now, "UTC")).toBe("Yesterday");
    expect(formatInboxTime(new Date("2026-10-02T09:05:00Z"), now, "UTC")).toBe("2 Oct");
    expect(formatInboxTime(new Date("2025-10-02T09:05:00Z"), now, "UTC")).toBe("2 Oct 2025");
  });
});
