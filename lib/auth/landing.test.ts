import { expect, it } from "vitest";
import { landingPathFor } from "./landing";

it("sends each role to its own area by default", () => {
  expect(landingPathFor("cs_rep", undefined, false)).toBe("/support");
  expect(landingPathFor("admin", undefined, false)).toBe("/admin");
});

it("returns to the page asked for when it belongs to the user", () => {
  expect(landingPathFor("admin", "/admin/users?q=x", false)).toBe("/admin/users?q=x");
  expect(landingPathFor("student", "/profile", false)).toBe("/profile");
});

it("ignores another role's area, other sites and the sign-in page itself", () => {
  expect(landingPathFor("student", "/admin/users", false)).toBe("/student");
  expect(landingPathFor("student", "https://evil.example/", false)).toBe("/student");
  expect(landingPathFor("student", "/login", false)).toBe("/student");
});

it("sends a user with a reset password to change it first", () => {
  expect(landingPathFor("teacher", "/teacher", true)).toBe("/change-password");
});
