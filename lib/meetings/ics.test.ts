import { describe, expect, it } from "vitest";
import { calendarIcs, meetingIcs, type IcsMeeting } from "./ics";

const meeting: IcsMeeting = {
  id: "7d7c3b1e-1111-4222-8333-444455556666",
  title: "Essay, draft 2; notes",
  agenda: "First, the outline\nThen; the sources \\ quotes",
  // The night the UK moves its clocks forward: the file carries UTC instants, not wall-clock times.
  startsAt: new Date("2026-03-29T00:30:00Z"),
  endsAt: new Date("2026-03-29T01:30:00Z"),
  sequence: 2,
  status: "scheduled",
  organizer: { name: 'Tom "TJ" Teacher', email: "tom@example.com", response: "accepted" },
  attendees: [
    { name: 'Tom "TJ" Teacher', email: "tom@example.com", response: "accepted" },
    { name: "Sue Student", email: "sue@example.com", response: "invited" },
  ],
  url: "http://localhost:3000/meetings/7d7c3b1e-1111-4222-8333-444455556666",
};

/** Unfolds continuation lines (RFC 5545 3.1) so assertions see whole properties. */
const lines = (ics: string) => ics.replace(/\r\n[ \t]/g, "").split("\r\n");
const property = (ics: string, name: string) => lines(ics).filter((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`));

describe("a meeting's calendar file", () => {
  it("an invitation has a stable UID, the SEQUENCE, UTC times and METHOD:REQUEST", () => {
    const ics = meetingIcs(meeting, "REQUEST");
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(property(ics, "METHOD")).toEqual(["METHOD:REQUEST"]);
    expect(property(ics, "UID")).toEqual(["UID:7d7c3b1e-1111-4222-8333-444455556666@nano-problem"]);
    expect(property(ics, "SEQUENCE")).toEqual(["SEQUENCE:2"]);
    expect(property(ics, "DTSTART")).toEqual(["DTSTART:20260329T003000Z"]);
    expect(property(ics, "DTEND")).toEqual(["DTEND:20260329T013000Z"]);
    expect(property(ics, "STATUS")).toEqual(["STATUS:CONFIRMED"]);
    expect(property(ics, "URL")).toEqual([`URL:${meeting.url}`]);
    expect(property(ics, "ORGANIZER")[0]).toMatch(/CN="Tom 'TJ' Teacher":MAILTO:tom@example\.com$/);
    const attendees = property(ics, "ATTENDEE");
    expect(attendees).toHaveLength(2);
    expect(attendees.find((line) => line.includes("sue@example.com"))).toMatch(/RSVP=TRUE.*PARTSTAT="NEEDS-ACTION"/);
    expect(attendees.find((line) => line.includes("tom@example.com"))).toMatch(/PARTSTAT="ACCEPTED"/);
    expect(meetingIcs(meeting, "REQUEST").match(/UID:.*/)?.[0]).toBe(ics.match(/UID:.*/)?.[0]);
  });

  it("escapes commas, semicolons, backslashes and line breaks in the title and agenda", () => {
    const ics = meetingIcs(meeting, "REQUEST");
    expect(property(ics, "SUMMARY")).toEqual(["SUMMARY:Essay\\, draft 2\\; notes"]);
    expect(property(ics, "DESCRIPTION")).toEqual(["DESCRIPTION:First\\, the outline\\nThen\\; the sources \\\\ quotes"]);
    // No raw line break inside a property: every physical line is a property, a fold, or empty at the end.
    expect(ics.split("\r\n").every((line) => line === "" || /^[A-Z-]+[:;]/.test(line) || /^[ \t]/.test(line))).toBe(true);
    expect(ics.split("\r\n").every((line) => line.length <= 75)).toBe(true);
  });

  it("a reschedule keeps the UID and raises SEQUENCE; a cancel is METHOD:CANCEL with STATUS:CANCELLED", () => {
    const moved = meetingIcs({ ...meeting, sequence: 3, startsAt: new Date("2026-03-30T09:00:00Z"), endsAt: new Date("2026-03-30T09:45:00Z") }, "REQUEST");
    expect(property(moved, "UID")).toEqual(property(meetingIcs(meeting, "REQUEST"), "UID"));
    expect(property(moved, "SEQUENCE")).toEqual(["SEQUENCE:3"]);
    expect(property(moved, "DTSTART")).toEqual(["DTSTART:20260330T090000Z"]);

    const cancelled = meetingIcs({ ...meeting, sequence: 4, status: "cancelled" }, "CANCEL");
    expect(property(cancelled, "METHOD")).toEqual(["METHOD:CANCEL"]);
    expect(property(cancelled, "STATUS")).toEqual(["STATUS:CANCELLED"]);
    expect(property(cancelled, "SEQUENCE")).toEqual(["SEQUENCE:4"]);
    expect(property(cancelled, "UID")).toEqual(["UID:7d7c3b1e-1111-4222-8333-444455556666@nano-problem"]);
    expect(cancelled).not.toMatch(/RSVP=TRUE/);
  });

  it("a feed publishes several events and marks the ones that will not happen", () => {
    const feed = calendarIcs([meeting, { ...meeting, id: "8d7c3b1e-1111-4222-8333-444455556666", status: "cancelled" }], "Nano meetings");
    expect(property(feed, "METHOD")).toEqual(["METHOD:PUBLISH"]);
    expect(property(feed, "X-WR-CALNAME")).toEqual(["X-WR-CALNAME:Nano meetings"]);
    expect(property(feed, "BEGIN").filter((line) => line === "BEGIN:VEVENT")).toHaveLength(2);
    expect(property(feed, "STATUS")).toEqual(["STATUS:CONFIRMED", "STATUS:CANCELLED"]);
    expect(property(calendarIcs([], "Empty"), "BEGIN")).toEqual(["BEGIN:VCALENDAR"]);
  });
});
