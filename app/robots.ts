import type { MetadataRoute } from "next";
import { siteOrigin } from "./(marketing)/site-origin";

// Only the public pages are for crawlers; the portal and the API sit behind sign-in anyway.
export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = await siteOrigin();
  return {
    rules: { userAgent: "*", allow: ["/", "/terms", "/privacy", "/contact"], disallow: ["/api/", "/student", "/teacher", "/support", "/admin", "/profile", "/notifications", "/change-password"] },
    sitemap: new URL("/sitemap.xml", origin).toString(),
  };
}
