"use server";

import { getDb } from "@/db/client";
import { auth, signOut } from "@/lib/auth/next-auth";
import { revokeSession } from "@/lib/auth/revoke-session";

export async function signOutAction() {
  const session = await auth();
  if (session?.claims) await revokeSession(getDb(), session.claims);
  await signOut({ redirectTo: "/login" });
}
