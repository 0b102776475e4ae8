import { ResetPasswordFlow } from "@/components/auth/reset-password-flow";

export const metadata = { title: "Choose your password", robots: { index: false } };

/** The link a CS rep handed over after creating the account from a chat; the token is in the fragment (#token=…). */
export default function SetPasswordPage() {
  return <ResetPasswordFlow mode="setup" />;
}
