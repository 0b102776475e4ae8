import { AuthCard, AuthLink } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";

export const metadata = { title: "Create a student account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value.slice(0, 254) : undefined);

export default async function RegisterPage({ searchParams }: Props) {
  const sp = await searchParams;
  // From the chat widget: registering with the email the visitor chatted with attaches the conversation.
  const visitor = single(sp.visitor);
  const email = single(sp.email);
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
      <RegisterForm visitor={visitor && /^[0-9a-f-]{36}$/i.test(visitor) ? visitor : undefined} email={email} />
    </AuthCard>
  );
}
