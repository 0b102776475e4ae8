import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { profiles, users } from "@/db/schema";
import type { Role } from "@/lib/auth/roles";

/** What the meeting services need to know of a participant: how to name, reach and show times to them. */
export type MeetingPersonInfo = { id: string; name: string; email: string; role: Role; status: "active" | "blocked"; timeZone: string };

export async function peopleByIds(db: Executor, ids: readonly string[]): Promise<Map<string, MeetingPersonInfo>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: profiles.fullName, email: users.email, role: users.role, status: users.status, timeZone: profiles.timeZone })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(inArray(users.id, unique));
  return new Map(rows.map((row) => [row.id, row]));
}

/** The person, who must exist: participants' rows reference users with a cascade. */
export function personIn(people: Map<string, MeetingPersonInfo>, id: string): MeetingPersonInfo {
  const person = people.get(id);
  if (!person) throw new Error(`meeting participant ${id} not found`);
  return person;
}
