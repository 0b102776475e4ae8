import { inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { demoUsers } from "./seed-demo";

/** One account per role, the ones the start banner names. */
const BANNER_EMAILS = ["admin@nanoproblem.test", "support@nanoproblem.test", "teacher@nanoproblem.test", "student@nanoproblem.test"];

export type DemoLogins = { logins: { email: string; role: Role }[]; more: number };

/** The demo accounts this database holds: none unless the demo seed ran into it, now or earlier. */
export async function demoLoginsIn(db: Database): Promise<DemoLogins | null> {
  const rows = await db.select({ email: users.email, role: users.role }).from(users).where(inArray(users.email, demoUsers.map((user) => user.email)));
  const logins = BANNER_EMAILS.flatMap((email) => rows.filter((row) => row.email === email));
  if (logins.length === 0) return null;
  return { logins, more: rows.length - logins.length };
}
