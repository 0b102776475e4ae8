import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Another website that embeds the chat widget with the one-line snippet, for the journeys: served on
 * loopback, it is one origin as `http://localhost:{port}` (listed in WIDGET_ALLOWED_ORIGINS) and
 * another as `http://127.0.0.1:{port}` (not listed). `/?user=<id>` adds a host identity signed with
 * `identitySecret`, as a host site's own backend would.
 */
export async function startWidgetHostSite(options: { appUrl: string; identitySecret: string; port?: number }): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://host");
    if (url.pathname !== "/") {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    const user = url.searchParams.get("user");
    let identity = "";
    if (user && /^[A-Za-z0-9_-]{1,64}$/.test(user)) {
      const timestamp = Math.floor(Date.now() / 1000);
      const hash = createHmac("sha256", options.identitySecret).update(`${user}:${timestamp}`).digest("hex");
      identity = ` data-user-id="${user}" data-timestamp="${timestamp}" data-user-hash="${hash}"`;
    }
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Campus bookshop</title></head>
<body style="font-family: sans-serif; margin: 2rem">
<h1>Campus bookshop</h1><p>A site of our partner that carries the Nano Problem chat widget.</p>
<script async src="${options.appUrl}/widget.js" data-greeting="Questions about a course? Ask us."${identity}></script>
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "0.0.0.0", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
