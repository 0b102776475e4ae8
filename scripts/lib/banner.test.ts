import { expect, it } from "vitest";
import { bannerText } from "./banner";

it("names the demo logins and their password only when there are some", () => {
  const withDemo = bannerText("http://localhost:3000", { logins: [{ email: "admin@nanoproblem.test", role: "admin" }], more: 2 });
  expect(withDemo).toContain("Nano Problem is running at http://localhost:3000");
  expect(withDemo).toContain("Demo logins (password: nano-demo-2026)");
  expect(withDemo).toMatch(/admin@nanoproblem\.test\s+admin/);
  expect(withDemo).toContain("…and 2 more students and teachers");

  const production = bannerText("http://localhost:3000", null);
  expect(production).toContain("Nano Problem is running at http://localhost:3000");
  expect(production).not.toMatch(/demo|password|nanoproblem\.test/i);
  expect(production).not.toContain("mailbox");
});

it("says where emails land when they stay on this machine", () => {
  expect(bannerText("http://localhost:3000", null, "http://localhost:3000/dev/mailbox")).toContain("local mailbox: http://localhost:3000/dev/mailbox");
});
