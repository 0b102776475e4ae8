import { describe, expect, it } from "vitest";
import { settingsFormToInput } from "./settings-form";

describe("the widget settings form", () => {
  it("reads ticked days, one canned reply per line, and the email box", () => {
    const { input, dayErrors } = settingsFormToInput({
      timeZone: "Europe/London",
      "open-1": "on",
      "opens-1": "09:00",
      "closes-1": "17:30",
      "opens-2": "09:00",
      "closes-2": "17:00",
      "open-6": "on",
      "opens-6": "10:00",
      "closes-6": "24:00",
      awayMessage: "Back soon",
      cannedReplies: "Hello!\r\n\n  Anything else?  \n",
      requireEmail: "on",
    });
    expect(dayErrors).toEqual({});
    expect(input).toEqual({
      timeZone: "Europe/London",
      weeklyHours: [
        { day: 1, open: "09:00", close: "17:30" },
        { day: 6, open: "10:00", close: "24:00" },
      ],
      awayMessage: "Back soon",
      requireEmail: "on",
      cannedReplies: ["Hello!", "Anything else?"],
    });
    expect(settingsFormToInput({}).input).toMatchObject({ weeklyHours: [], requireEmail: "off", cannedReplies: [] });
  });

  it("names a day whose hours run backwards", () => {
    expect(settingsFormToInput({ "open-3": "on", "opens-3": "18:00", "closes-3": "09:00" }).dayErrors).toEqual({ "hours-3": ["Wednesday: closing time must be after opening time"] });
  });
});
