import type { RealtimeClientConfig } from "@/lib/realtime/config";

/** public/widget/manifest.json, written by scripts/build-widget.ts. */
export type PanelManifest = { panel: string; css: string };

const hashedFile = /^panel-[A-Za-z0-9_-]+\.(js|css)$/;

export function parsePanelManifest(text: string): PanelManifest | null {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    const { panel, css } = value;
    if (typeof panel !== "string" || typeof css !== "string" || !hashedFile.test(panel) || !hashedFile.test(css)) return null;
    return { panel, css };
  } catch {
    return null;
  }
}

/** Where the panel's WebSocket goes, for connect-src (the local server, Soketi, or Pusher's cluster host). */
export function realtimeSocketSource(client: RealtimeClientConfig | null): string | null {
  if (!client) return null;
  const scheme = client.forceTLS ? "wss" : "ws";
  if (client.wsHost) return `${scheme}://${client.wsHost}${client.wsPort ? `:${client.wsPort}` : ""}`;
  return `wss://ws-${client.cluster}.pusher.com`;
}

/**
 * The panel page's policy. It is the only page that may be framed: by the app itself and the listed
 * host sites. Scripts and styles only from the app (the hashed bundles), requests only to the app
 * and the real-time server.
 */
export function panelContentSecurityPolicy(allowedOrigins: readonly string[], socketSource: string | null): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${socketSource ? ` ${socketSource}` : ""}`,
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors 'self'${allowedOrigins.map((origin) => ` ${origin}`).join("")}`,
  ].join("; ");
}

/** JSON inside a <script> element: `<` escaped so no value can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

/** The panel's HTML: an empty root, its configuration as inert JSON, and the hashed bundles. */
export function panelHtml(manifest: PanelManifest, config: { realtime: RealtimeClientConfig | null; allowedOrigins: readonly string[] }): string {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">',
    "<title>Chat with us</title>",
    `<link rel="stylesheet" href="/widget/${manifest.css}">`,
    `<script type="application/json" id="nano-widget-config">${scriptJson(config)}</script>`,
    `<script defer src="/widget/${manifest.panel}"></script>`,
    '</head><body><div id="root"></div></body></html>',
  ].join("");
}
