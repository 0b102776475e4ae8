import type { Metadata } from "next";
import type { ReactNode } from "react";
import { brand } from "@/components/marketing/brand";
import { SiteFooter } from "@/components/marketing/site-footer";
import { SiteHeader } from "@/components/marketing/site-header";
import { dashboardPath } from "./dashboard-path";
import { siteOrigin } from "./site-origin";

// Titles and descriptions are left out: Next fills them in from each page's own. The image is
// ./opengraph-image.tsx, resolved against this request's origin.

export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: await siteOrigin(),
    description: brand.description,
    openGraph: { type: "website", siteName: brand.name, locale: "en_US" },
    twitter: { card: "summary_large_image" },
  };
}

export default async function MarketingLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-white">
      <SiteHeader dashboardHref={await dashboardPath()} />
      <main id="main" className="flex-1">
        {children}
      </main>
      <SiteFooter year={new Date().getFullYear()} />
    </div>
  );
}
