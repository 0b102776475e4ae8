import { describe, expect, it } from "vitest";
import { DEFAULT_COLOR, DEFAULT_GREETING, readLoaderOptions } from "./loader-options";
import { readPanelParams } from "./panel/params";

describe("readLoaderOptions", () => {
  it("has defaults for a bare snippet", () => {
    expect(readLoaderOptions({})).toEqual({ position: "right", color: DEFAULT_COLOR, greeting: DEFAULT_GREETING, identity: null });
  });

  it("reads position, colour and greeting", () => {
    expect(readLoaderOptions({ position: "left", color: "#0a7", greeting: "  Hello there  " })).toMatchObject({ position: "left", color: "#0a7", greeting: "Hello there" });
    expect(readLoaderOptions({ position: "middle" }).position).toBe("right");
  });

  it("takes only a hex colour, so nothing can be smuggled into the launcher's CSS", () => {
    for (const bad of ["red;}body{display:none", "url(x)", "#12345", "rgb(0,0,0)", "#gggggg"]) expect(readLoaderOptions({ color: bad }).color).toBe(DEFAULT_COLOR);
  });

  it("passes host identity only when all three parts are there", () => {
    expect(readLoaderOptions({ userId: "42", timestamp: "1760000000", userHash: "abc" }).identity).toEqual({ userId: "42", timestamp: "1760000000", userHash: "abc" });
    expect(readLoaderOptions({ userId: "42", userHash: "abc" }).identity).toBeNull();
  });

  it("bounds the greeting", () => {
    expect(readLoaderOptions({ greeting: "x".repeat(500) }).greeting).toHaveLength(200);
  });
});

describe("readPanelParams", () => {
  it("reads what the loader put in the fragment", () => {
    const hash = `#${new URLSearchParams({ origin: "https://host.example", greeting: "Hi", color: "#112233", page: "https://host.example/p", ref: "https://search.example/" })}`;
    expect(readPanelParams(hash)).toEqual({ origin: "https://host.example", greeting: "Hi", color: "#112233", pageUrl: "https://host.example/p", referrer: "https://search.example/" });
  });

  it("falls back when parts are missing or unsafe", () => {
    expect(readPanelParams("")).toEqual({ origin: null, greeting: DEFAULT_GREETING, color: DEFAULT_COLOR, pageUrl: "", referrer: "" });
    expect(readPanelParams("#color=expression(alert(1))").color).toBe(DEFAULT_COLOR);
  });
});
