import { describe, expect, it } from "vitest";
import { apiJson } from "./api-json";

describe("an API route's JSON answer", () => {
  it("is never stored by a cache, and a small one is sent as it is (gzip would cost more than it saves)", async () => {
    const small = apiJson({ data: { id: "m1", body: "Hello" } }, 201);
    expect(small.status).toBe(201);
    expect(small.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(await small.json()).toEqual({ data: { id: "m1", body: "Hello" } });
  });

  it("leaves a large one to the server's compression", () => {
    const large = apiJson({ data: { body: "x".repeat(5_000) } });
    expect(large.headers.get("cache-control")).toBe("no-store");
    expect(large.headers.get("content-type")).toBe("application/json");
  });
});
