import { describe, expect, it } from "vitest";
import { isWithinHours, nextOpening } from "./business-hours";

const weekdays9to17 = [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "17:00" }));
const london = { timeZone: "Europe/London", weeklyHours: weekdays9to17 };
const newYork = { timeZone: "America/New_York", weeklyHours: weekdays9to17 };
const at = (iso: string) => new Date(iso);

describe("business hours across DST changes", () => {
  it("Europe/London: 09:00 local is 09:00 UTC before the March change and 08:00 UTC after it", () => {
    // Clocks go forward on Sunday 29 March 2026 (GMT → BST).
    expect(isWithinHours(london, at("2026-03-27T08:59:00Z"))).toBe(false); // Fri 08:59 GMT
    expect(isWithinHours(london, at("2026-03-27T09:00:00Z"))).toBe(true); // Fri 09:00 GMT
    expect(isWithinHours(london, at("2026-03-30T07:59:00Z"))).toBe(false); // Mon 08:59 BST
    expect(isWithinHours(london, at("2026-03-30T08:00:00Z"))).toBe(true); // Mon 09:00 BST
    expect(isWithinHours(london, at("2026-03-30T15:59:00Z"))).toBe(true); // Mon 16:59 BST
    expect(isWithinHours(london, at("2026-03-30T16:00:00Z"))).toBe(false); // Mon 17:00 BST: closed
  });

  it("Europe/London: after the October change 09:00 local is 09:00 UTC again", () => {
    // Clocks go back on Sunday 25 October 2026 (BST → GMT).
    expect(isWithinHours(london, at("2026-10-23T08:00:00Z"))).toBe(true); // Fri 09:00 BST
    expect(isWithinHours(london, at("2026-10-26T08:00:00Z"))).toBe(false); // Mon 08:00 GMT
    expect(isWithinHours(london, at("2026-10-26T09:00:00Z"))).toBe(true); // Mon 09:00 GMT
    expect(isWithinHours(london, at("2026-10-26T16:59:00Z"))).toBe(true); // Mon 16:59 GMT
  });

  it("America/New_York: open hours follow EST → EDT in March and back in November", () => {
    // Clocks go forward on Sunday 8 March 2026 and back on Sunday 1 November 2026.
    expect(isWithinHours(newYork, at("2026-03-06T14:00:00Z"))).toBe(true); // Fri 09:00 EST
    expect(isWithinHours(newYork, at("2026-03-06T13:59:00Z"))).toBe(false);
    expect(isWithinHours(newYork, at("2026-03-09T13:00:00Z"))).toBe(true); // Mon 09:00 EDT
    expect(isWithinHours(newYork, at("2026-03-09T12:59:00Z"))).toBe(false);
    expect(isWithinHours(newYork, at("2026-11-02T13:30:00Z"))).toBe(false); // Mon 08:30 EST
    expect(isWithinHours(newYork, at("2026-11-02T14:00:00Z"))).toBe(true); // Mon 09:00 EST
  });

  it("reads the weekday in the zone, not in UTC", () => {
    // Monday 01:00 in Tokyo is still Sunday in UTC.
    const tokyo = { timeZone: "Asia/Tokyo", weeklyHours: [{ day: 1, open: "00:00", close: "02:00" }] };
    expect(isWithinHours(tokyo, at("2026-06-07T16:00:00Z"))).toBe(true);
    expect(isWithinHours(tokyo, at("2026-06-07T18:00:00Z"))).toBe(false);
  });

  it("lets a day close at 24:00, and treats unlisted days and unknown zones as closed", () => {
    const allDay = { timeZone: "UTC", weeklyHours: [{ day: 6, open: "00:00", close: "24:00" }] };
    expect(isWithinHours(allDay, at("2026-06-06T23:59:00Z"))).toBe(true); // Saturday
    expect(isWithinHours(allDay, at("2026-06-07T00:00:00Z"))).toBe(false); // Sunday
    expect(isWithinHours({ timeZone: "Mars/Olympus", weeklyHours: weekdays9to17 }, at("2026-06-01T10:00:00Z"))).toBe(false);
  });

  it("finds the next opening across a DST change", () => {
    // Friday 17:30 GMT before the March change: the next opening is Monday 09:00 BST = 08:00 UTC.
    expect(nextOpening(london, at("2026-03-27T17:30:00Z"))?.toISOString()).toBe("2026-03-30T08:00:00.000Z");
    // Friday evening before the October change: Monday 09:00 GMT.
    expect(nextOpening(london, at("2026-10-23T18:00:00Z"))?.toISOString()).toBe("2026-10-26T09:00:00.000Z");
    // Early Tuesday in New York: later the same day.
    expect(nextOpening(newYork, at("2026-03-10T05:00:00Z"))?.toISOString()).toBe("2026-03-10T13:00:00.000Z");
    expect(nextOpening({ timeZone: "UTC", weeklyHours: [] }, at("2026-03-10T05:00:00Z"))).toBeNull();
  });
});
