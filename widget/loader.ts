import { readLoaderOptions } from "./loader-options";
import { isFromPeer, parsePanelMessage, type HostMessage } from "./protocol";

/**
 * /widget.js, the facade a host page carries: until the visitor clicks it draws one launcher button
 * and does nothing else (no request, no timer, no listener beyond the button's). The click inserts the
 * panel's iframe, which holds all chat code; closing only hides it, so the conversation stays.
 */

declare global {
  interface Window {
    __nanoWidget?: true;
  }
}

/** Set by the panel (through a message) when a CS rep wrote while the panel was closed. */
const UNREAD_KEY = "nano-widget-unread";

const storage = {
  get: () => {
    try {
      return localStorage.getItem(UNREAD_KEY) === "1";
    } catch {
      return false;
    }
  },
  set: (unread: boolean) => {
    try {
      if (unread) localStorage.setItem(UNREAD_KEY, "1");
      else localStorage.removeItem(UNREAD_KEY);
    } catch {
      // Storage blocked: the dot just does not survive a reload.
    }
  },
};

function start(script: HTMLScriptElement): void {
  const base = new URL(script.src, location.href).origin;
  const options = readLoaderOptions(script.dataset);
  const side = options.position;
  const color = options.color;

  const host = document.createElement("div");
  host.setAttribute("data-nano-widget", "");
  const root = host.attachShadow({ mode: "open" });
  // Static markup; the only interpolations are the validated colour and "left"/"right".
  root.innerHTML =
    `<style>:host{all:initial}button{position:fixed;bottom:20px;${side}:20px;z-index:2147483647;width:56px;height:56px;padding:0;border:0;border-radius:50%;background:${color};color:#fff;cursor:pointer;box-shadow:0 4px 14px rgba(15,23,42,.3);display:grid;place-items:center}` +
    `button:focus-visible{outline:3px solid ${color};outline-offset:3px}.dot{position:absolute;top:1px;right:1px;width:12px;height:12px;border-radius:50%;background:#dc2626;border:2px solid #fff}` +
    `iframe{position:fixed;bottom:88px;${side}:20px;z-index:2147483647;width:380px;height:min(620px,calc(100% - 108px));border:0;border-radius:12px;background:#fff;box-shadow:0 12px 40px rgba(15,23,42,.3)}[hidden]{display:none!important}` +
    `@media (max-width:479px){iframe{inset:0;width:100%;height:100%;border-radius:0}:host(.open) button{display:none}}</style>` +
    `<button type="button" aria-expanded="false" aria-label="Open chat"><svg width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/></svg><span class="dot" hidden></span></button>`;
  const button = root.querySelector("button")!;
  const dot = root.querySelector<HTMLElement>(".dot")!;
  const showDot = (unread: boolean) => {
    dot.hidden = !unread;
    button.setAttribute("aria-label", `${button.getAttribute("aria-expanded") === "true" ? "Close" : "Open"} chat${unread ? " (new messages)" : ""}`);
  };
  showDot(storage.get());

  let frame: HTMLIFrameElement | undefined;
  let ready = false;
  let open = false;
  const post = (message: HostMessage) => frame?.contentWindow?.postMessage(message, base);
  const sendPage = () => post({ type: "nano:page", pageUrl: location.href, referrer: document.referrer });

  const setOpen = (next: boolean) => {
    open = next;
    if (!frame) {
      frame = document.createElement("iframe");
      frame.title = "Chat with us";
      const params = new URLSearchParams({ origin: location.origin, greeting: options.greeting, color, page: location.href, ref: document.referrer });
      frame.src = `${base}/widget/panel#${params}`;
      root.append(frame);
      addEventListener("message", onMessage);
    }
    frame.hidden = !open;
    host.classList.toggle("open", open);
    button.setAttribute("aria-expanded", String(open));
    // Opened, the conversation is in view: what was unread is being read.
    if (open) storage.set(false);
    showDot(!open && !dot.hidden);
    if (ready) {
      post({ type: "nano:open", open });
      if (open) sendPage();
    }
    if (open) frame.focus();
  };

  const onMessage = (event: MessageEvent) => {
    if (!isFromPeer(event, base, frame?.contentWindow)) return;
    const message = parsePanelMessage(event.data);
    if (message?.type === "nano:ready") {
      ready = true;
      sendPage();
      if (options.identity) post({ type: "nano:identity", identity: options.identity });
      post({ type: "nano:open", open });
    } else if (message?.type === "nano:close") {
      setOpen(false);
      button.focus();
    } else if (message?.type === "nano:unread") {
      storage.set(message.unread);
      showDot(message.unread);
    }
  };

  button.addEventListener("click", () => setOpen(!open));
  button.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && open) setOpen(false);
  });
  document.body.append(host);
}

const script = (document.currentScript ?? document.querySelector('script[src*="/widget.js"]')) as HTMLScriptElement | null;
if (script && !window.__nanoWidget) {
  window.__nanoWidget = true;
  if (document.body) start(script);
  else addEventListener("DOMContentLoaded", () => start(script));
}
