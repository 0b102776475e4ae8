import { expect, it } from "vitest";
import { threadTitle } from "./labels";

it("names a support thread after its student for staff only", () => {
  const liam = { id: "1", name: "Liam Chen", role: "student" as const };
  const diego = { id: "2", name: "Diego Hernández", role: "cs_rep" as const };
  expect(threadTitle({ kind: "support", subject: "Support" }, [liam, diego])).toBe("Support · Liam Chen");
  expect(threadTitle({ kind: "support", subject: "Support" }, [diego])).toBe("Support");
  expect(threadTitle({ kind: "direct", subject: "Rota" }, [liam])).toBe("Rota");
});
