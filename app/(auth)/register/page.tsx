import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";

export const metadata = { title: "Create a student account" };

export default function RegisterPage() {
  return (
    <AuthCard
      title="Create a student account"
      subtitle="Request help with papers, homework and exams."
      footer={
        <>
          Already have an account? <Link href="/login" className="text-brand-700 underline">Sign in</Link>
        </>
      }
    >
      <RegisterForm />
    </AuthCard>
  );
}
