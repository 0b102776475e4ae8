import { eq, inArray, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { profiles, users } from "@/db/schema";

export type ResolvedRecipients = { userIds: string[]; unknown: string[] };

/** The people an admin named by email or public ID (both compared in lower case); names nobody matches come back as unknown. */
export async function resolveRecipients(db: Executor, names: readonly string[]): Promise<ResolvedRecipients> {
  if (names.length === 0) return { userIds: [], unknown: [] };
  const rows = await db
    .select({ id: users.id, email: users.email, publicId: sql<string>`lower(${profiles.publicId})` })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(or(inArray(users.email, [...names]), inArray(sql`lower(${profiles.publicId})`, [...names])));
  const found = new Set(rows.flatMap((row) => [row.email, row.publicId]));
  return { userIds: [...new Set(rows.map((row) => row.id))], unknown: names.filter((name) => !found.has(name)) };
}
