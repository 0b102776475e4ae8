import type { NextAuthConfig } from "next-auth";
import { authLogger } from "./auth-logger";
import { sessionClaimsSchema, type SessionClaims } from "./session-actor-claims";

declare module "next-auth" {
  interface Session {
    claims?: SessionClaims;
  }
  interface User {
    role?: string;
    sessionVersion?: number;
  }
}

export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 24 * 7;

/**
 * The part of Auth.js the proxy can load: no database, no native code. The database check
 * of the session version happens in lib/auth/session.ts on every page, action and route.
 */
export const authConfig = {
  trustHost: true,
  // Auth.js's own error page answers 500 to anyone who calls a callback by hand; the sign-in page is enough.
  pages: { signIn: "/login", error: "/login" },
  logger: authLogger,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
        token.sid = crypto.randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      const claims = sessionClaimsSchema.safeParse(token);
      return { ...session, claims: claims.success ? claims.data : undefined };
    },
  },
} satisfies NextAuthConfig;
