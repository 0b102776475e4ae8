import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { clientIp } from "@/lib/http/client-ip";
import { authConfig } from "./config";
import { unsavableTextFields } from "@/lib/validation";
import { signInSchema } from "./schemas";
import { verifyCredentials } from "./verify-credentials";

// The code is all the sign-in form learns; it never says which part was wrong.
class SignInRefused extends CredentialsSignin {
  constructor(code: "invalid_credentials" | "blocked" | "rate_limited") {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success || Object.keys(unsavableTextFields(raw)).length > 0) throw new SignInRefused("invalid_credentials");
        const result = await verifyCredentials(getDb(), { ...parsed.data, ip: clientIp(request.headers) });
        if (!result.ok) throw new SignInRefused(result.reason);
        const { id, email, name, role, sessionVersion } = result.user;
        return { id, email, name, role, sessionVersion };
      },
    }),
  ],
});
