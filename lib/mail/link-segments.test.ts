import { describe, expect, it } from "vitest";
import { linkSegments } from "./link-segments";

describe("linkSegments", () => {
  it("marks http(s) links and leaves the sentence's punctuation and other schemes as text", () => {
    expect(linkSegments("Open https://a.example/reset?token=x&y=1. Or javascript:alert(1) (see http://b.example/p).")).toEqual([
      { text: "Open " },
      { text: "https://a.example/reset?token=x&y=1", href: "https://a.example/reset?token=x&y=1" },
      { text: ". Or javascript:alert(1) (see " },
      { text: "http://b.example/p", href: "http://b.example/p" },
      { text: ")." },
    ]);
  });
});
