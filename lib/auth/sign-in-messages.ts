/** The only things a sign-in form says; a wrong email and a wrong password read the same. */
export const signInMessages: Record<string, string> = {
  invalid_credentials: "Email or password is incorrect.",
  blocked: "This account is blocked. Contact support if you think this is a mistake.",
  rate_limited: "Too many sign-in attempts. Try again in 15 minutes.",
};
