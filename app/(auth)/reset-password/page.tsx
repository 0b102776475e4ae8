import { ResetPasswordFlow } from "@/components/auth/reset-password-flow";

export const metadata = { title: "Choose a new password", robots: { index: false } };

/** The emailed link's token is in the fragment (#token=…), which only the browser sees; the flow reads it. */
export default function ResetPasswordPage() {
  return <ResetPasswordFlow />;
}
