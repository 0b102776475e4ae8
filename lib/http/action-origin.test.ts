import { describe, expect, it } from "vitest";
import { isActionOriginAllowed, isPossibleServerAction } from "./action-origin";

const h = (init: Record<string, string>) => new Headers(init);

describe("which posts count as server actions", () => {
  it("takes fetch actions and form posts, in any content type Next accepts", () => {
    expect(isPossibleServerAction("POST", h({ "next-action": "7f12", "content-type": "text/plain;charset=UTF-8" }))).toBe(true);
    expect(isPossibleServerAction("POST", h({ "content-type": "multipart/form-data; boundary=x" }))).toBe(true);
    expect(isPossibleServerAction("POST", h({ "content-type": "application/x-www-form-urlencoded" }))).toBe(true);
  });

  it("leaves page loads and other posts alone", () => {
    expect(isPossibleServerAction("GET", h({ "next-action": "7f12" }))).toBe(false);
    expect(isPossibleServerAction("POST", h({ "content-type": "application/json" }))).toBe(false);
  });
});

describe("the origin of a server action post", () => {
  it("accepts the site's own origin, behind a proxy too", () => {
    expect(isActionOriginAllowed(h({ origin: "https://app.example", host: "app.example" }))).toBe(true);
    expect(isActionOriginAllowed(h({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(true);
    expect(isActionOriginAllowed(h({ origin: "https://App.Example", host: "app.EXAMPLE" }))).toBe(true);
    expect(isActionOriginAllowed(h({ origin: "https://app.example", host: "10.0.0.5:3000", "x-forwarded-host": "app.example, lb.internal" }))).toBe(true);
  });

  it("refuses another site, a null or malformed Origin, and another port", () => {
    expect(isActionOriginAllowed(h({ origin: "https://evil.example", host: "app.example" }))).toBe(false);
    expect(isActionOriginAllowed(h({ origin: "https://app.example.evil.example", host: "app.example" }))).toBe(false);
    expect(isActionOriginAllowed(h({ origin: "http://localhost:4000", host: "localhost:3000" }))).toBe(false);
    expect(isActionOriginAllowed(h({ origin: "null", host: "app.example" }))).toBe(false);
    expect(isActionOriginAllowed(h({ origin: "not a url", host: "app.example" }))).toBe(false);
    expect(isActionOriginAllowed(h({ origin: "https://evil.example" }))).toBe(false);
  });

  it("trusts X-Forwarded-Host over Host, as Next does, so a spoofed Host alone does not help", () => {
    expect(isActionOriginAllowed(h({ origin: "https://evil.example", host: "evil.example", "x-forwarded-host": "app.example" }))).toBe(false);
  });

  it("lets a post without Origin through to Next, as Next does: browsers always send one", () => {
    expect(isActionOriginAllowed(h({ host: "app.example" }))).toBe(true);
  });

  it("accepts configured origins with Next's wildcard rules", () => {
    const allowed = ["partner.example", "*.school.example", "**.edu.example", "*"];
    expect(isActionOriginAllowed(h({ origin: "https://partner.example", host: "app.example" }), allowed)).toBe(true);
    expect(isActionOriginAllowed(h({ origin: "https://a.school.example", host: "app.example" }), allowed)).toBe(true);
    expect(isActionOriginAllowed(h({ origin: "https://a.b.school.example", host: "app.example" }), allowed)).toBe(false);
    expect(isActionOriginAllowed(h({ origin: "https://school.example", host: "app.example" }), allowed)).toBe(false);
    expect(isActionOriginAllowed(h({ origin: "https://a.b.edu.example", host: "app.example" }), allowed)).toBe(true);
    expect(isActionOriginAllowed(h({ origin: "https://edu.example", host: "app.example" }), allowed)).toBe(false);
    expect(isActionOriginAllowed(h({ origin: "https://evil.example", host: "app.example" }), allowed)).toBe(false);
  });
});
