/** @jsxImportSource preact */
import { render } from "preact";
import { App, type PanelConfig } from "./app";
import { readPanelParams } from "./params";

/** The panel's entry: its configuration comes from the page app/widget/panel/route.ts serves. */
const raw = document.getElementById("nano-widget-config")?.textContent ?? "{}";
const parsed = JSON.parse(raw) as Partial<PanelConfig>;
const config: PanelConfig = { realtime: parsed.realtime ?? null, allowedOrigins: Array.isArray(parsed.allowedOrigins) ? parsed.allowedOrigins : [] };

// The host's colour (already checked as a hex value) through the CSSOM, which the CSP allows.
document.documentElement.style.setProperty("--accent", readPanelParams(location.hash).color);

render(<App config={config} />, document.getElementById("root")!);
