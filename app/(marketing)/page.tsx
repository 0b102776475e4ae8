import type { Metadata } from "next";
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
    </>
  );
}
