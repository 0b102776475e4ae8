import { describe, expect, it } from "vitest";
import { instantToZonedTime, zonedTimeToInstant } from "./time-zone";

describe("due dates in the student's time zone", () => {
  it("turns a wall-clock time into the instant it names in that zone", () => {
    expect(zonedTimeToInstant("2030-01-15T17:00", "UTC")?.toISOString()).toBe("2030-01-15T17:00:00.000Z");
    expect(zonedTimeToInstant("2030-01-15T17:00", "America/Toronto")?.toISOString()).toBe("2030-01-15T22:00:00.000Z");
    expect(zonedTimeToInstant("2030-07-15T17:00", "America/Toronto")?.toISOString()).toBe("2030-07-15T21:00:00.000Z");
    expect(zonedTimeToInstant("2030-07-15T09:30", "Asia/Kolkata")?.toISOString()).toBe("2030-07-15T04:00:00.000Z");
    expect(zonedTimeToInstant("2030-01-01T00:15", "Australia/Melbourne")?.toISOString()).toBe("2029-12-31T13:15:00.000Z");
  });

  it("settles times next to a daylight-saving change", () => {
    // Europe/Berlin moves to summer time at 02:00 local on 31 March 2030.
    expect(zonedTimeToInstant("2030-03-31T01:30", "Europe/Berlin")?.toISOString()).toBe("2030-03-31T00:30:00.000Z");
    expect(zonedTimeToInstant("2030-03-31T03:30", "Europe/Berlin")?.toISOString()).toBe("2030-03-31T01:30:00.000Z");
  });

  it("refuses dates that do not exist and zones it does not know", () => {
    expect(zonedTimeToInstant("2030-02-30T10:00", "UTC")).toBeNull();
    expect(zonedTimeToInstant("2030-01-01T24:00", "UTC")).toBeNull();
    expect(zonedTimeToInstant("tomorrow", "UTC")).toBeNull();
    expect(zonedTimeToInstant("2030-01-01T10:00", "Mars/Olympus")).toBeNull();
  });

  it("shows an instant as the wall-clock value a form field expects, and back", () => {
    const instant = new Date("2030-07-15T04:00:00Z");
    expect(instantToZonedTime(instant, "Asia/Kolkata")).toBe("2030-07-15T09:30");
    expect(zonedTimeToInstant(instantToZonedTime(instant, "America/Toronto"), "America/Toronto")).toEqual(instant);
  });
});
