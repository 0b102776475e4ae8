import { AuthCard, AuthLink } from "@/components/auth/auth-card";
import { LinkNotWorking } from "@/components/auth/link-not-working";
import { UnsubscribeForm } from "@/components/auth/unsubscribe-form";
import { getDb } from "@/db/client";
import { readUnsubscribeLink } from "@/lib/notifications/email-preferences";

export const metadata = { title: "Unsubscribe", robots: { index: false } };

/** Opening the link changes nothing (mail scanners open links too); the button posts the change. */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const target = await readUnsubscribeLink(getDb(), typeof token === "string" ? token : undefined);
  if (!target) {
    return (
      <LinkNotWorking action={{ href: "/profile#email-notifications", label: "Choose emails on my profile" }}>
        <p>This unsubscribe link is not complete, or its account no longer exists.</p>
        <p>Sign in and choose which emails you get on your profile page.</p>
      </LinkNotWorking>
    );
  }
  return (
    <AuthCard
      title="Unsubscribe"
      subtitle={`Stop emails for “${target.label}” to ${target.email}? You will still see these notifications in the app.`}
      footer={
        <>
          Other emails: <AuthLink href="/profile#email-notifications">choose on your profile page</AuthLink>
        </>
      }
    >
      <UnsubscribeForm token={token as string} />
    </AuthCard>
  );
}
