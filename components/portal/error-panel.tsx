"use client";

import { RotateCcw, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useEffect } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { useShellUser } from "./portal-shell";

/**
 * What a route's error boundary shows. The reference is Next's `error.digest`: a server error's
 * digest is also printed in the server log next to the real error, so support can find it from
 * what the user reads out. (Errors thrown in the browser have no digest.)
 */
export function ErrorPanel({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const homeHref = useShellUser()?.homeHref ?? "/";
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-center py-16 text-center sm:py-24">
      <span className="flex size-12 items-center justify-center rounded-full bg-red-50 text-red-700">
        <TriangleAlert aria-hidden="true" className="size-6" />
      </span>
      <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900">Something went wrong</h1>
      <p className="mt-2 text-slate-600">This page could not be shown. Try again; if it keeps happening, contact support and quote the reference below.</p>
      <p className="mt-4 text-sm text-slate-600">
        Reference:{" "}
        <code data-testid="error-reference" className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-900">
          {error.digest ?? "none (the error happened in your browser)"}
        </code>
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Button onClick={reset}>
          <RotateCcw aria-hidden="true" />
          Try again
        </Button>
        <Link href={homeHref} className={buttonClass("outline")}>
          Back to your home
        </Link>
      </div>
    </div>
  );
}
