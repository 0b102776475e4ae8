import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";

export function ClosingCall({ dashboardHref }: { dashboardHref: string | null }) {
  return (
    <section aria-labelledby="start-title" className="bg-white py-20 sm:py-28">
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <div className="rounded-3xl bg-brand-50 px-6 py-14 text-center ring-1 ring-brand-100 sm:px-12">
          <h2 id="start-title" className="text-3xl font-semibold tracking-tight text-balance text-slate-900 sm:text-4xl">
            Tell us what you are working on
          </h2>
          <p className="mx-auto mt-4 max-w-xl text-lg leading-8 text-slate-600">
            Creating an account takes a minute. You pay nothing until you have seen an approved invoice.
          </p>
          <div className="mt-8 flex flex-wrap justify-center gap-3">
            {dashboardHref ? (
              <Link href={dashboardHref} className={buttonVariants({ size: "lg" })}>
                Open your dashboard <ArrowRight aria-hidden="true" />
              </Link>
            ) : (
              <>
                <Link href="/register" className={buttonVariants({ size: "lg" })}>
                  Get help <ArrowRight aria-hidden="true" />
                </Link>
                <Link href="/login" className={buttonVariants({ variant: "outline", size: "lg" })}>
                  Sign in
                </Link>
              </>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}
