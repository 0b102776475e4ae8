import type { MetadataRoute } from "next";
import { siteOrigin } from "./(marketing)/site-origin";

const publicPages = [
  { path: "/", priority: 1 },
  { path: "/register", priority: 0.8 },
  { path: "/login", priority: 0.5 },
  { path: "/contact", priority: 0.5 },
  { path: "/terms", priority: 0.3 },
  { path: "/privacy", priority: 0.3 },
];

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = await siteOrigin();
  return publicPages.map(({ path, priority }) => ({ url: new URL(path, origin).toString(), changeFrequency: "monthly", priority }));
}
