import { describe, expect, it } from "vitest";
import { acceptedHostOrigin, isFromPeer, normalizeOrigin, parseHostMessage, parsePanelMessage } from "./protocol";

const parent = { name: "host window" };
const other = { name: "another frame" };

describe("isFromPeer", () => {
  it("accepts only the expected window at the expected origin", () => {
    expect(isFromPeer({ origin: "https://host.example", source: parent }, "https://host.example", parent)).toBe(true);
    expect(isFromPeer({ origin: "https://evil.example", source: parent }, "https://host.example", parent)).toBe(false);
    expect(isFromPeer({ origin: "https://host.example", source: other }, "https://host.example", parent)).toBe(false);
  });

  it("accepts nothing before it knows whom it talks to", () => {
    expect(isFromPeer({ origin: "null", source: null }, null, null)).toBe(false);
    expect(isFromPeer({ origin: "https://host.example", source: undefined }, "https://host.example", undefined)).toBe(false);
  });
});

describe("normalizeOrigin", () => {
  it("keeps scheme, host and port only", () => {
    expect(normalizeOrigin("https://host.example")).toBe("https://host.example");
    expect(normalizeOrigin("http://localhost:3000/")).toBe("http://localhost:3000");
  });

  it("refuses paths, wildcards, opaque and other schemes", () => {
    for (const bad of ["https://host.example/page", "*", "null", "javascript:alert(1)", "file:///etc/passwd", "", null, undefined]) {
      expect(normalizeOrigin(bad), String(bad)).toBeNull();
    }
  });
});

describe("acceptedHostOrigin", () => {
  const app = "https://app.example";
  const allowed = ["https://school.example"];

  it("accepts the app itself and listed sites", () => {
    expect(acceptedHostOrigin(app, app, allowed)).toBe(app);
    expect(acceptedHostOrigin("https://school.example", app, allowed)).toBe("https://school.example");
  });

  it("refuses a site not listed, and a claim the browser's ancestor contradicts", () => {
    expect(acceptedHostOrigin("https://evil.example", app, allowed)).toBeNull();
    expect(acceptedHostOrigin("https://school.example", app, allowed, "https://evil.example")).toBeNull();
    expect(acceptedHostOrigin("https://school.example", app, allowed, "https://school.example")).toBe("https://school.example");
    expect(acceptedHostOrigin("*", app, ["*"])).toBeNull();
  });
});

describe("messages", () => {
  it("reads the panel's messages and ignores anything else", () => {
    expect(parsePanelMessage({ type: "nano:ready" })).toEqual({ type: "nano:ready" });
    expect(parsePanelMessage({ type: "nano:close", extra: 1 })).toEqual({ type: "nano:close" });
    expect(parsePanelMessage({ type: "nano:unread", unread: true })).toEqual({ type: "nano:unread", unread: true });
    expect(parsePanelMessage({ type: "nano:unread", unread: "yes" })).toBeNull();
    expect(parsePanelMessage("nano:ready")).toBeNull();
    expect(parsePanelMessage(null)).toBeNull();
    expect(parsePanelMessage({ type: "webpackOk" })).toBeNull();
  });

  it("reads the host's messages, bounding what it passes on", () => {
    expect(parseHostMessage({ type: "nano:open", open: false })).toEqual({ type: "nano:open", open: false });
    expect(parseHostMessage({ type: "nano:page", pageUrl: "https://host.example/a", referrer: "" })).toEqual({ type: "nano:page", pageUrl: "https://host.example/a", referrer: "" });
    expect(parseHostMessage({ type: "nano:page", pageUrl: "x".repeat(3000), referrer: "" })).toBeNull();
    const identity = { userId: "u-1", timestamp: "1760000000", userHash: "ab".repeat(32) };
    expect(parseHostMessage({ type: "nano:identity", identity })).toEqual({ type: "nano:identity", identity });
    expect(parseHostMessage({ type: "nano:identity", identity: { ...identity, userHash: "" } })).toBeNull();
    expect(parseHostMessage({ type: "nano:identity", identity: null })).toBeNull();
  });
});
