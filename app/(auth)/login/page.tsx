import { AuthCard, AuthLink } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";

export const metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next, reset } = await searchParams;
  return (
    <AuthCard
      title="Sign in"
      subtitle="Students, teachers and staff sign in here."
      footer={
        <>
          New here? <AuthLink href="/register">Create a student account</AuthLink>
        </>
      }
    >
      {reset === "1" ? (
        <p role="status" data-testid="password-reset-done" className="mb-5 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          Your password was changed and you were signed out everywhere. Sign in with your new password.
        </p>
      ) : null}
      <LoginForm next={typeof next === "string" ? next : undefined} />
    </AuthCard>
  );
}
