import Link from "next/link";
import { ArrowRight, Check } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ProductPreview } from "./product-preview";

const promises = ["Vetted teachers", "Private files", "Pay by Stripe or PayPal"];

export function Hero({ dashboardHref }: { dashboardHref: string | null }) {
  return (
    <section aria-labelledby="hero-title" className="relative overflow-hidden">
      <div aria-hidden="true" className="absolute inset-x-0 top-0 -z-10 h-[36rem] bg-gradient-to-b from-brand-50 via-brand-50/40 to-white" />
      <div className="mx-auto grid max-w-6xl items-center gap-14 px-4 pb-20 pt-16 sm:px-6 sm:pt-24 lg:grid-cols-[1.2fr_1fr] lg:gap-12 lg:pb-28">
        <div>
          <p className="inline-flex items-center gap-2 rounded-full bg-white px-3 py-1 text-sm font-medium text-brand-700 ring-1 ring-brand-100">
            Written papers · Homework · Exam support
          </p>
          <h1 id="hero-title" className="mt-6 text-4xl font-semibold tracking-tight text-balance text-slate-900 sm:text-5xl lg:text-[3.25rem] lg:leading-[1.08]">
            Stuck on coursework? Get a teacher who knows the subject.
          </h1>
          <p className="mt-6 max-w-xl text-lg leading-8 text-pretty text-slate-600">
            Send your brief and your due date. We match you with a vetted teacher, you pay only an invoice our admins
            have approved, and you can ask for revisions until the work is right.
          </p>
          <div className="mt-10 flex flex-wrap gap-3">
            {dashboardHref ? (
              <>
                <Link href={dashboardHref} className={buttonVariants({ size: "lg" })}>
                  Open your dashboard <ArrowRight aria-hidden="true" />
                </Link>
                <Link href="#how-it-works" className={cn(buttonVariants({ variant: "outline", size: "lg" }))}>
                  See how it works
                </Link>
              </>
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
          <ul className="mt-10 flex flex-wrap gap-x-6 gap-y-3 text-sm text-slate-600">
            {promises.map((promise) => (
              <li key={promise} className="flex items-center gap-2">
                <Check className="size-4 text-brand-600" aria-hidden="true" />
                {promise}
              </li>
            ))}
          </ul>
        </div>
        <ProductPreview />
      </div>
    </section>
  );
}
