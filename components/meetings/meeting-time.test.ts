import { describe, expect, it } from "vitest";
import { formatMeetingRange, formatMeetingRangeBeside } from "./meeting-time";

describe("a meeting's time as each person reads it", () => {
  it("shows the day and the span in the reader's zone", () => {
    const startsAt = new Date("2026-12-01T14:00:00Z");
    const endsAt = new Date("2026-12-01T15:00:00Z");
    expect(formatMeetingRange(startsAt, endsAt, "Europe/London")).toBe("Tue 1 Dec 2026, 14:00–15:00");
    expect(formatMeetingRange(startsAt, endsAt, "Asia/Kolkata")).toBe("Tue 1 Dec 2026, 19:30–20:30");
    expect(formatMeetingRangeBeside(startsAt, endsAt, "America/New_York", "Europe/London")).toBe("09:00–10:00");
  });

  it("names both offsets for a meeting across a clock change, and both days across midnight", () => {
    // New York falls back at 02:00 EDT on 3 Nov 2030: two hours from 00:30 EDT end at 01:30 EST.
    const startsAt = new Date("2030-11-03T04:30:00Z");
    const endsAt = new Date("2030-11-03T06:30:00Z");
    expect(formatMeetingRange(startsAt, endsAt, "America/New_York")).toBe("Sun 3 Nov 2030, 00:30 EDT–01:30 EST");
    expect(formatMeetingRangeBeside(startsAt, endsAt, "America/New_York", "Europe/London")).toBe("Sun 3 Nov 2030, 00:30 EDT–01:30 EST");
    expect(formatMeetingRange(startsAt, endsAt, "Europe/London")).toBe("Sun 3 Nov 2030, 04:30–06:30");
    expect(formatMeetingRange(startsAt, endsAt, "Pacific/Auckland")).toBe("Sun 3 Nov 2030, 17:30–19:30");
    expect(formatMeetingRange(new Date("2030-11-03T23:30:00Z"), new Date("2030-11-04T00:30:00Z"), "Europe/London")).toBe("Sun 3 Nov 2030, 23:30 – Mon 4 Nov 2030, 00:30");
  });
});
