import type { NextAuthConfig } from "next-auth";
import { logger } from "@/lib/log/logger";

// Errors Auth.js raises for what a client sent: a forged or stale session cookie, a missing CSRF
// token, an unknown action or provider (e.g. a GET to the credentials callback). Warnings, not
// errors: hostile input must not page anyone.
const refusedRequests = new Set(["MissingCSRF", "UnknownAction", "InvalidProvider", "JWTSessionError", "InvalidCheck"]);

/** Auth.js's logger for both of its instances (the proxy's and the server's). */
export const authLogger: NonNullable<NextAuthConfig["logger"]> = {
  error(error) {
    const type = (error as { type?: string }).type;
    // A refused sign-in is an expected outcome, logged by verifyCredentials; not a stack trace.
    if (error.name === "CredentialsSignin" || type === "CredentialsSignin") return;
    if (type && refusedRequests.has(type)) return logger.warn("auth request refused", { type, message: error.message.split("\n")[0] });
    logger.error("auth error", { error: error.stack ?? error.message });
  },
  warn(code) {
    logger.warn("auth warning", { code });
  },
};
