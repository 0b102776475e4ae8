import type { Metadata } from "next";
import Script from "next/script";
import { brand } from "@/components/marketing/brand";
import { ClosingCall } from "@/components/marketing/closing-call";
import { Faq } from "@/components/marketing/faq";
import { Hero } from "@/components/marketing/hero";
import { HowItWorks } from "@/components/marketing/how-it-works";
import { Services } from "@/components/marketing/services";
import { Trust } from "@/components/marketing/trust";
import { dashboardPath } from "./dashboard-path";

export const metadata: Metadata = { title: { absolute: `${brand.name} · ${brand.tagline}` } };

export default async function HomePage() {
  const dashboardHref = await dashboardPath();
  return (
    <>
      <Hero dashboardHref={dashboardHref} />
      <HowItWorks />
      <Services />
      <Trust />
      <Faq />
      <ClosingCall dashboardHref={dashboardHref} />
      {/* The visitor chat's launcher (widget/loader.ts), fetched once the page has loaded and the
          browser is idle, so it cannot hold back the page's largest paint. */}
      <Script src="/widget.js" strategy="lazyOnload" data-greeting="Hi! Questions about a request, prices or deadlines? Ask us here." />
    </>
  );
}
