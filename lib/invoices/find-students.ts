import { and, asc, eq, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { profiles, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/require-permission";

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export type StudentMatch = { id: string; name: string; email: string };

/** Students whose name, email or public id matches the invoice list's "Student" search (at most 10). */
export async function findStudents(db: Executor, actor: Actor, q: string): Promise<StudentMatch[]> {
  requirePermission(actor, "invoices:view-all");
  const needle = `%${escapeLike(q.trim().toLowerCase())}%`;
  return db
    .select({ id: users.id, name: profiles.fullName, email: users.email })
    .from(users)
    .innerJoin(profiles, eq(profiles.userId, users.id))
    .where(and(eq(users.role, "student"), or(sql`${users.email} like ${needle}`, sql`lower(${profiles.fullName}) like ${needle}`, eq(profiles.publicId, q.trim().toUpperCase()))))
    .orderBy(asc(profiles.fullName), asc(users.id))
    .limit(10);
}
