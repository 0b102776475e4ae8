import { VerifyEmailFlow } from "@/components/auth/verify-email-flow";

export const metadata = { title: "Confirm your email", robots: { index: false } };

/** The emailed link's token is in the fragment (#token=…), which only the browser sees; the flow reads and posts it. */
export default function VerifyEmailPage() {
  return <VerifyEmailFlow />;
}
