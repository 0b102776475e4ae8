import { describe, expect, it } from "vitest";
import { panelContentSecurityPolicy, panelHtml, parsePanelManifest, realtimeSocketSource } from "./panel-page";

describe("panel page", () => {
  it("reads only hashed bundle names from the manifest", () => {
    expect(parsePanelManifest('{"panel":"panel-AB12.js","css":"panel-CD34.css"}')).toEqual({ panel: "panel-AB12.js", css: "panel-CD34.css" });
    expect(parsePanelManifest('{"panel":"../../etc/passwd","css":"panel-CD34.css"}')).toBeNull();
    expect(parsePanelManifest("")).toBeNull();
  });

  it("may be framed by the app and listed sites only, and runs only the app's scripts", () => {
    const policy = panelContentSecurityPolicy(["https://school.example"], "ws://127.0.0.1:6001");
    expect(policy).toContain("frame-ancestors 'self' https://school.example");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("connect-src 'self' ws://127.0.0.1:6001");
    expect(policy).not.toContain("unsafe");
    expect(panelContentSecurityPolicy([], null)).toMatch(/connect-src 'self';.*frame-ancestors 'self'$/);
  });

  it("names the real-time socket for each kind of server", () => {
    expect(realtimeSocketSource(null)).toBeNull();
    expect(realtimeSocketSource({ key: "k", cluster: "mt1", wsHost: "127.0.0.1", wsPort: 6001, forceTLS: false })).toBe("ws://127.0.0.1:6001");
    expect(realtimeSocketSource({ key: "k", cluster: "eu", forceTLS: true })).toBe("wss://ws-eu.pusher.com");
  });

  it("embeds its configuration as inert JSON that cannot close its element", () => {
    const html = panelHtml({ panel: "panel-A.js", css: "panel-B.css" }, { realtime: null, allowedOrigins: ["https://x.example/</script><script>alert(1)</script>"] });
    expect(html).not.toContain("</script><script>alert");
    expect(html).toContain('<script defer src="/widget/panel-A.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/widget/panel-B.css">');
  });
});
