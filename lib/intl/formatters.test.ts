import { describe, expect, it } from "vitest";
import { dateTimeFormat, numberFormat, relativeTimeFormat } from "./formatters";

describe("memoized Intl formatters", () => {
  const at = new Date("2026-12-06T18:30:00Z");

  it("hands back the formatter built for the same locale and options", () => {
    const first = dateTimeFormat("en-GB", { timeZone: "Asia/Kathmandu", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    expect(dateTimeFormat("en-GB", { timeZone: "Asia/Kathmandu", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })).toBe(first);
    expect(first.format(at)).toBe("00:15");
  });

  it("keeps formatters apart when the zone, locale or options differ", () => {
    const options = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
    const london = dateTimeFormat("en-GB", { ...options, timeZone: "Europe/London" });
    const newYork = dateTimeFormat("en-GB", { ...options, timeZone: "America/New_York" });
    expect(london).not.toBe(newYork);
    expect([london.format(at), newYork.format(at)]).toEqual(["18:30", "13:30"]);
    expect(dateTimeFormat("en-US", { ...options, timeZone: "Europe/London" })).not.toBe(london);
  });

  it("formats money and relative times as a freshly built formatter would", () => {
    expect(numberFormat("en-US", { style: "currency", currency: "JPY", maximumFractionDigits: 0 }).format(1250)).toBe("¥1,250");
    expect(numberFormat("en-US", { style: "currency", currency: "EUR" }).format(12.5)).toBe("€12.50");
    expect(relativeTimeFormat("en", { numeric: "auto" }).format(-1, "day")).toBe("yesterday");
  });

  it("refuses a zone that does not exist instead of caching it", () => {
    expect(() => dateTimeFormat("en-GB", { timeZone: "Mars/Olympus_Mons" })).toThrow(RangeError);
    expect(() => dateTimeFormat("en-GB", { timeZone: "Mars/Olympus_Mons" })).toThrow(RangeError);
  });
});
