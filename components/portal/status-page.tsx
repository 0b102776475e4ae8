import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

/** The body of a 404/403 page: inside the shell it is content only, so the shell's <main> stays the one. */
export function StatusPage({ code, title, children, homeHref }: { code: string; title: string; children?: ReactNode; homeHref: string | null }) {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center py-16 text-center sm:py-24">
      <p className="text-sm font-semibold text-brand-700">{code}</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
      {children ? <div className="mt-3 text-slate-600">{children}</div> : null}
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        {homeHref ? (
          <Link href={homeHref} className={buttonClass("default")}>
            Back to your home
          </Link>
        ) : (
          <>
            <Link href="/" className={buttonClass("default")}>
              Go to the home page
            </Link>
            <Link href="/login" className={buttonClass("outline")}>
              Sign in
            </Link>
          </>
        )}
      </div>
    </div>
  );
}
