import type { Executor } from "@/db/client";
import { profiles, users, type Role } from "@/db/schema";

type NewUser = {
  email: string;
  passwordHash: string;
  role: Role;
  fullName: string;
  mustChangePassword?: boolean;
  title?: string | null;
  /** The profile's zone; the column's default (UTC) when not given. */
  timeZone?: string;
};

export function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause;
  return (error as { code?: string })?.code === "23505" || cause?.code === "23505";
}

/** The user row and its profile (whose public id the database assigns) together. */
export async function insertUserWithProfile(tx: Executor, input: NewUser) {
  const [user] = await tx
    .insert(users)
    .values({ email: input.email, passwordHash: input.passwordHash, role: input.role, mustChangePassword: input.mustChangePassword ?? false })
    .returning();
  if (!user) throw new Error("insert into users returned nothing");
  const [profile] = await tx.insert(profiles).values({ userId: user.id, fullName: input.fullName, title: input.title ?? null, timeZone: input.timeZone }).returning();
  if (!profile) throw new Error("insert into profiles returned nothing");
  return { user, profile };
}
