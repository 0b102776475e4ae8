import { cache } from "react";
import { landingPathFor } from "@/lib/auth/landing";
import { auth } from "@/lib/auth/next-auth";

/**
 * The signed-in visitor's own area, from the session cookie alone: no database round trip on the
 * public pages. A revoked session still sees the link; the portal checks it against the database
 * and sends them to sign in.
 */
export const dashboardPath = cache(async (): Promise<string | null> => {
  const session = await auth();
  return session?.claims ? landingPathFor(session.claims.role, undefined, false) : null;
});
