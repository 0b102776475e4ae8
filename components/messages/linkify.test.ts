import { describe, expect, it } from "vitest";
import { safeHref, splitLinks } from "./linkify";

describe("links in a message body", () => {
  it("makes http and https URLs links and keeps the rest as text", () => {
    expect(splitLinks("See https://example.com/a?b=1 and http://x.org.")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", text: "https://example.com/a?b=1", href: "https://example.com/a?b=1" },
      { kind: "text", text: " and " },
      { kind: "link", text: "http://x.org", href: "http://x.org/" },
      { kind: "text", text: "." },
    ]);
  });

  it("never links javascript:, data: or mailto: text", () => {
    for (const body of ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "mailto:a@b.c", "JaVaScRiPt://example.com/%0Aalert(1)"]) {
      expect(splitLinks(body).every((part) => part.kind === "text")).toBe(true);
    }
  });

  it("keeps markup as text", () => {
    const parts = splitLinks('<a href="javascript:alert(1)">x</a> <img src=x onerror=alert(1)>');
    expect(parts).toEqual([{ kind: "text", text: '<a href="javascript:alert(1)">x</a> <img src=x onerror=alert(1)>' }]);
  });

  it("does not swallow a quote or bracket into the link", () => {
    const parts = splitLinks('"https://evil.example/"onmouseover="x"');
    const link = parts.find((part) => part.kind === "link");
    expect(link?.text).toBe("https://evil.example/");
  });

  it("gives bare www. hosts https and keeps balanced parentheses", () => {
    expect(splitLinks("go to www.example.com!")[1]).toEqual({ kind: "link", text: "www.example.com", href: "https://www.example.com/" });
    expect(splitLinks("(see https://en.wikipedia.org/wiki/Pendulum_(mechanics))")[1]).toMatchObject({ text: "https://en.wikipedia.org/wiki/Pendulum_(mechanics)" });
  });

  it("refuses URLs carrying credentials", () => {
    expect(safeHref("https://user:pass@example.com")).toBeNull();
    expect(safeHref("https://example.com")).toBe("https://example.com/");
  });

  it("keeps line breaks inside the text parts", () => {
    expect(splitLinks("one\ntwo")).toEqual([{ kind: "text", text: "one\ntwo" }]);
  });
});
