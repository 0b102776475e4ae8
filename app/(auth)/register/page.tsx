import { AuthCard, AuthLink } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";

export const metadata = { title: "Create a student account" };

export default function RegisterPage() {
  return (
    <AuthCard
      title="Create a student account"
      subtitle="Request help with papers, homework and exams."
      footer={
        <>
          Already have an account? <AuthLink href="/login">Sign in</AuthLink>
        </>
      }
    >
      <RegisterForm />
    </AuthCard>
  );
}
