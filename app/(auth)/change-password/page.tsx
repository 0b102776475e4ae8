import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { ForcedPasswordForm } from "@/components/auth/forced-password-form";
import { roleHome } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { signOutAction } from "@/app/(portal)/sign-out-action";

export const metadata = { title: "Choose a new password" };

export default async function ChangePasswordPage() {
  const actor = await requireUser({ allowPendingPasswordChange: true });
  if (!actor.mustChangePassword) redirect(roleHome[actor.role]);
  return (
    <AuthCard
      title="Choose a new password"
      subtitle="Your password was reset by an administrator. Choose a new one to continue."
      footer={
        <form action={signOutAction}>
          <button type="submit" className="font-medium text-brand-700 underline underline-offset-4 hover:text-brand-900">
            Sign out instead
          </button>
        </form>
      }
    >
      <ForcedPasswordForm />
    </AuthCard>
  );
}
