import fs from "node:fs/promises";
import path from "node:path";
import { logger } from "@/lib/log/logger";
import { realtimeConfig } from "@/lib/realtime/config";
import { appOrigin, widgetAllowedOrigins } from "@/lib/visitor-chat/allowed-origins";
import { panelContentSecurityPolicy, panelHtml, parsePanelManifest, realtimeSocketSource } from "./panel-page";

export const dynamic = "force-dynamic";

/**
 * The visitor widget's panel, framed by /widget.js on the home page and on listed host sites. A
 * plain page, not a Next page: its own small bundle (scripts/build-widget.ts) instead of Next's runtime.
 */
export async function GET(): Promise<Response> {
  // Read on each request: `npm run dev` rebuilds the bundle under a new hash.
  const manifestFile = path.join(/*turbopackIgnore: true*/ process.cwd(), "public", "widget", "manifest.json");
  const manifest = parsePanelManifest(await fs.readFile(manifestFile, "utf8").catch(() => ""));
  if (!manifest) {
    logger.error("the widget panel is not built", { manifestFile });
    return new Response("The chat is not available right now.", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const realtime = realtimeConfig()?.client ?? null;
  const allowed = widgetAllowedOrigins();
  const own = appOrigin();
  const hosts = allowed.includes(own) ? allowed : [own, ...allowed];
  return new Response(panelHtml(manifest, { realtime, allowedOrigins: hosts }), {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-cache",
      "Content-Security-Policy": panelContentSecurityPolicy(hosts, realtimeSocketSource(realtime)),
    },
  });
}
