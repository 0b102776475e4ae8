import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { profiles, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

export async function getOwnProfile(db: Executor, actor: Actor) {
  const [row] = await db
    .select({ profile: profiles, email: users.email, role: users.role, createdAt: users.createdAt })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(eq(profiles.userId, actor.id));
  if (!row) throw new AppError("not_found", "Profile not found");
  return row;
}
