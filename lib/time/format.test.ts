import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatRelative, zoneAbbreviation } from "./format";

const at = new Date("2026-12-13T22:00:00Z");

describe("time formatting", () => {
  it("shows a moment in the viewer's zone with the zone's abbreviation", () => {
    expect(formatDateTime(at, "America/Toronto")).toBe("13 Dec 2026, 17:00 EST");
    expect(formatDateTime(at, "Europe/Berlin")).toBe("13 Dec 2026, 23:00 CET");
    expect(formatDateTime(at, "UTC")).toBe("13 Dec 2026, 22:00 UTC");
  });

  it("names the day on the viewer's calendar", () => {
    expect(formatDate(at, "Asia/Tokyo")).toBe("14 Dec 2026");
    expect(formatDate(at, "America/Toronto")).toBe("13 Dec 2026");
  });

  it("prefers a known abbreviation over a bare offset", () => {
    expect(zoneAbbreviation("Asia/Kolkata", at)).toBe("IST");
    expect(zoneAbbreviation("Europe/London", new Date("2026-07-01T12:00:00Z"))).toBe("BST");
  });

  it("says how long ago or ahead in words", () => {
    const now = new Date("2026-12-10T22:00:00Z");
    expect(formatRelative(at, now)).toBe("in 3 days");
    expect(formatRelative(new Date("2026-12-10T20:00:00Z"), now)).toBe("2 hours ago");
    expect(formatRelative(new Date("2026-12-10T21:59:30Z"), now)).toBe("just now");
  });
});
