import { expect, it } from "vitest";
import { inboxQuerySchema } from "./schemas";

it("accepts only known filters from the URL, and trims and caps the search", () => {
  const read = (query: Record<string, unknown>) => inboxQuerySchema.parse(query);
  expect(read({ filter: "unread" }).filter).toBe("unread");
  expect(read({ filter: "constructor" }).filter).toBe("all");
  expect(read({ filter: undefined }).filter).toBe("all");
  expect(read({ q: `  calculus ${"x".repeat(300)}` }).q).toHaveLength(200);
  expect(read({ q: ["a", "b"], cursor: 5 })).toEqual({ q: "", filter: "all", cursor: null });
});
