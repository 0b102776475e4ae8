import { describe, expect, it } from "vitest";
import { can } from "./policy";
import { areaRoleForPath, safeNextPath } from "./roles";

describe("permission matrix", () => {
  it("lets only admins manage users", () => {
    expect(can({ role: "admin" }, "users:block")).toBe(true);
    for (const role of ["student", "teacher", "cs_rep"] as const) {
      expect(can({ role }, "users:block")).toBe(false);
      expect(can({ role }, "users:create-staff")).toBe(false);
      expect(can({ role }, "users:reset-password")).toBe(false);
    }
  });

  it("lets CS reps and admins serve visitors, and only admins take over another's conversation or configure the widget", () => {
    for (const role of ["cs_rep", "admin"] as const) expect(can({ role }, "visitors:serve")).toBe(true);
    for (const role of ["student", "teacher"] as const) expect(can({ role }, "visitors:serve")).toBe(false);
    expect(can({ role: "admin" }, "visitors:configure")).toBe(true);
    for (const role of ["student", "teacher", "cs_rep"] as const) expect(can({ role }, "visitors:configure")).toBe(false);
    expect(can({ role: "admin" }, "visitors:take-over")).toBe(true);
    for (const role of ["student", "teacher", "cs_rep"] as const) expect(can({ role }, "visitors:take-over")).toBe(false);
  });

  it("refuses an anonymous actor everything", () => {
    expect(can(null, "profile:edit-own")).toBe(false);
  });

  it("refuses a permission it does not know", () => {
    expect(can({ role: "admin" }, "made-up" as never)).toBe(false);
  });
});

describe("areas and redirects", () => {
  it("maps a path to the role whose area it is", () => {
    expect(areaRoleForPath("/support/visitors")).toBe("cs_rep");
    expect(areaRoleForPath("/admin")).toBe("admin");
    expect(areaRoleForPath("/administrator")).toBeUndefined();
    expect(areaRoleForPath("/login")).toBeUndefined();
  });

  it("only follows next paths on this site", () => {
    expect(safeNextPath("/admin/users?page=2")).toBe("/admin/users?page=2");
    expect(safeNextPath("//evil.example")).toBeUndefined();
    expect(safeNextPath("https://evil.example")).toBeUndefined();
    expect(safeNextPath("/\\evil.example")).toBeUndefined();
  });
});
