import { expect, it } from "vitest";
import { isSameOriginRequest } from "./same-origin";

const h = (init: Record<string, string>) => new Headers(init);

it("accepts what the browser labels same-origin", () => {
  expect(isSameOriginRequest(h({ "sec-fetch-site": "same-origin", host: "app.test" }))).toBe(true);
});

it("refuses cross-site and same-site requests from other origins", () => {
  expect(isSameOriginRequest(h({ "sec-fetch-site": "cross-site", host: "app.test" }))).toBe(false);
  expect(isSameOriginRequest(h({ "sec-fetch-site": "same-site", host: "app.test" }))).toBe(false);
});

it("falls back to comparing Origin with Host", () => {
  expect(isSameOriginRequest(h({ origin: "https://app.test", host: "app.test" }))).toBe(true);
  expect(isSameOriginRequest(h({ origin: "https://evil.test", host: "app.test" }))).toBe(false);
  expect(isSameOriginRequest(h({ origin: "null", host: "app.test" }))).toBe(false);
});
