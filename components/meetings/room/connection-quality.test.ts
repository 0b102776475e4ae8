import { describe, expect, it } from "vitest";
import { gradeConnection } from "./connection-quality";

describe("gradeConnection", () => {
  it("is Good on a short round trip with no loss", () => {
    expect(gradeConnection(null, { rttMs: 20, packetsLost: 0, packetsReceived: 500 })).toBe("Good");
  });

  it("is Fair past 150 ms or 2 % loss, Poor past 400 ms or 8 %", () => {
    expect(gradeConnection(null, { rttMs: 200, packetsLost: 0, packetsReceived: 500 })).toBe("Fair");
    expect(gradeConnection(null, { rttMs: 20, packetsLost: 5, packetsReceived: 100 })).toBe("Fair");
    expect(gradeConnection(null, { rttMs: 450, packetsLost: 0, packetsReceived: 500 })).toBe("Poor");
    expect(gradeConnection(null, { rttMs: 20, packetsLost: 10, packetsReceived: 90 })).toBe("Poor");
  });

  it("judges loss since the previous sample, not since the call began", () => {
    const earlier = { rttMs: 20, packetsLost: 50, packetsReceived: 1_000 };
    expect(gradeConnection(earlier, { rttMs: 20, packetsLost: 50, packetsReceived: 1_400 })).toBe("Good");
    expect(gradeConnection(earlier, { rttMs: 20, packetsLost: 90, packetsReceived: 1_400 })).toBe("Poor");
  });

  it("treats an unknown round trip as fine and counters that went backwards as no loss", () => {
    expect(gradeConnection({ rttMs: null, packetsLost: 9, packetsReceived: 900 }, { rttMs: null, packetsLost: 0, packetsReceived: 10 })).toBe("Good");
  });
});
