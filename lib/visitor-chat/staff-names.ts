import { inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { profiles } from "@/db/schema";

/** Display names of staff (authors, holders), by user id; a deleted account is simply absent. */
export async function staffNames(db: Executor, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: profiles.userId, name: profiles.fullName }).from(profiles).where(inArray(profiles.userId, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function staffName(db: Executor, id: string | null): Promise<string | null> {
  return id ? ((await staffNames(db, [id])).get(id) ?? null) : null;
}
