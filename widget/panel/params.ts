import { DEFAULT_COLOR, DEFAULT_GREETING } from "../loader-options";

/** What the loader tells the panel in its URL's fragment (never sent to the server). */
export type PanelParams = { origin: string | null; greeting: string; color: string; pageUrl: string; referrer: string };

export function readPanelParams(hash: string): PanelParams {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const color = params.get("color") ?? "";
  return {
    origin: params.get("origin"),
    greeting: (params.get("greeting") ?? "").slice(0, 200) || DEFAULT_GREETING,
    color: /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(color) ? color : DEFAULT_COLOR,
    pageUrl: (params.get("page") ?? "").slice(0, 2048),
    referrer: (params.get("ref") ?? "").slice(0, 2048),
  };
}
