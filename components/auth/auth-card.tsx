import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/portal/logo";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";

/** The one centred card every sign-in step sits in; the footer links to the neighbouring step. */
export function AuthCard({ title, subtitle, children, footer }: { title: string; subtitle?: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <main id="main" className="flex min-h-dvh flex-col items-center justify-center bg-slate-50 px-4 py-10 sm:py-16">
      <div className="w-full max-w-md">
        <div className="mb-8 flex justify-center">
          <Logo href="/" />
        </div>
        <Card className="gap-6 shadow-sm">
          <CardHeader>
            <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
            {subtitle ? <CardDescription>{subtitle}</CardDescription> : null}
          </CardHeader>
          <CardContent>{children}</CardContent>
        </Card>
        {footer ? <div className="mt-6 text-center text-sm text-slate-600">{footer}</div> : null}
        <p className="mt-3 text-center text-sm">
          <Link href="/" className="text-slate-600 underline-offset-4 hover:text-slate-900 hover:underline">
            Back to the home page
          </Link>
        </p>
      </div>
    </main>
  );
}

/** A link in an auth card's footer ("Create a student account", "Sign in"). */
export function AuthLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="font-medium text-brand-700 underline underline-offset-4 hover:text-brand-900">
      {children}
    </Link>
  );
}
