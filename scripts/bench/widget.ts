/**
 * The visitor widget's costs on the production build: loader and panel bytes (gzipped), click →
 * ready, and the home page's LCP and total JS with and without the widget in the same run.
 *
 *   npm run build && npx tsx scripts/bench/widget.ts [--runs 7] [--base http://localhost:3000]
 *
 * Without --base it starts the app as scripts/bench/chat.ts does (`next start`, embedded PostgreSQL
 * in a temp dir, the local real-time server) in a forked child. "Without the widget" is the same
 * page with /widget.js answered empty by the browser, so both runs share everything else.
 * "Ready" is the panel's own signal (data-ready, posted to the page as nano:ready): the pre-chat
 * form shown, or for a returning visitor the conversation shown and its channel subscribed.
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { serveApp, type ServeMessage } from "./chat-app";

const TARGETS = { loaderBytes: 2 * 1024, panelBytes: 50 * 1024, readyMs: 300, lcpShift: 0.05 };

const { values } = parseArgs({
  options: {
    base: { type: "string" },
    runs: { type: "string", default: "7" },
    serve: { type: "boolean", default: false },
  },
});

const gz = (body: Buffer) => gzipSync(body).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : NaN;
};

async function startApp(): Promise<{ appUrl: string; stop: () => Promise<void> }> {
  if (!fs.existsSync(".next/BUILD_ID") || !fs.existsSync("public/widget/manifest.json")) {
    throw new Error("No production build: run `npm run build` first (it builds the widget, then Next).");
  }
  const child = fork(fileURLToPath(import.meta.url), ["--serve"], { execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const ready = await new Promise<Extract<ServeMessage, { type: "ready" }>>((resolve, reject) => {
    child.on("message", (message: ServeMessage) => {
      if (message.type === "ready") resolve(message);
    });
    child.once("exit", (code) => reject(new Error(`the app did not start (exit ${code})`)));
  });
  process.on("exit", () => child.kill("SIGTERM"));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { appUrl: ready.appUrl, stop };
}

type HomeSample = { lcp: number; scriptBytes: number; launcher: boolean };

/** One cold load of the home page in a fresh context: LCP, and the gzipped JS it fetched by a second after load. */
async function loadHome(browser: Browser, base: string, withWidget: boolean): Promise<HomeSample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    if (!withWidget) await context.route("**/widget.js", (route) => route.fulfill({ status: 200, contentType: "application/javascript", body: "" }));
    const page = await context.newPage();
    const scripts: Promise<number>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.push(response.body().then(gz, () => 0));
    });
    await page.goto(`${base}/`, { waitUntil: "load", timeout: 120_000 });
    const lcp = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let last = NaN;
          new PerformanceObserver((list) => {
            last = list.getEntries().at(-1)?.startTime ?? last;
          }).observe({ type: "largest-contentful-paint", buffered: true });
          setTimeout(() => resolve(last), 500);
        }),
    );
    // lazyOnload waits for load and an idle moment: give it time, so its bytes count.
    const launcher = await page
      .locator("[data-nano-widget]")
      .waitFor({ state: "attached", timeout: withWidget ? 5_000 : 1_000 })
      .then(() => true, () => false);
    await page.waitForTimeout(300);
    const scriptBytes = (await Promise.all(scripts)).reduce((sum, n) => sum + n, 0);
    return { lcp, scriptBytes, launcher };
  } finally {
    await context.close();
  }
}

/** Clicks the launcher from inside the page and times until the panel posts nano:ready. */
async function clickToReady(page: Page): Promise<number> {
  await page.locator("[data-nano-widget]").waitFor({ state: "attached", timeout: 15_000 });
  const ms = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const button = document.querySelector("[data-nano-widget]")?.shadowRoot?.querySelector("button");
        if (!button) return reject(new Error("no launcher"));
        // Inline callbacks only: tsx names stored functions with a helper the page does not have.
        const started = performance.now();
        addEventListener("message", (event: MessageEvent) => {
          if ((event.data as { type?: string } | null)?.type === "nano:ready") resolve(performance.now() - started);
        });
        setTimeout(() => reject(new Error("the panel was not ready within 30 s")), 30_000);
        button.click();
      }),
  );
  await page.frameLocator("iframe[title='Chat with us']").locator(".panel[data-ready]").waitFor({ timeout: 5_000 });
  return ms;
}

type PanelLoad = { ms: number; jsBytes: number; otherBytes: number; files: string[] };

/** A first-time visitor: a fresh context, so the panel's page and bundles come over the wire. */
async function coldOpen(browser: Browser, base: string): Promise<PanelLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/`, { waitUntil: "load", timeout: 120_000 });
    const bodies: Promise<{ url: string; js: boolean; bytes: number }>[] = [];
    page.on("response", (response) => {
      const frame = response.frame();
      if (frame === page.mainFrame()) return;
      const js = response.request().resourceType() === "script";
      bodies.push(response.body().then((body) => ({ url: new URL(response.url()).pathname, js, bytes: gz(body) }), () => ({ url: response.url(), js, bytes: 0 })));
    });
    const ms = await clickToReady(page);
    const loaded = await Promise.all(bodies);
    return {
      ms,
      jsBytes: loaded.filter((item) => item.js).reduce((sum, item) => sum + item.bytes, 0),
      otherBytes: loaded.filter((item) => !item.js).reduce((sum, item) => sum + item.bytes, 0),
      files: loaded.map((item) => `${item.url} ${kb(item.bytes)}`),
    };
  } finally {
    await context.close();
  }
}

/** A returning visitor: starts a conversation once, then each reload + click resumes it (channel subscribed). */
async function resumedOpens(context: BrowserContext, base: string, runs: number): Promise<number[]> {
  const page = await context.newPage();
  await page.goto(`${base}/`, { waitUntil: "load", timeout: 120_000 });
  await clickToReady(page);
  const frame = page.frameLocator("iframe[title='Chat with us']");
  await frame.getByLabel("Name").fill("Bench Visitor");
  await frame.getByLabel("Email").fill("bench-visitor@example.com");
  await frame.getByLabel(/Your (question|message)/).fill("A question from the widget benchmark.");
  await frame.getByRole("button", { name: /Start chat|Send message/ }).click();
  await frame.locator(".panel[data-phase='chat']").waitFor({ timeout: 15_000 });
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.reload({ waitUntil: "load" });
    samples.push(await clickToReady(page));
    if ((await frame.locator(".panel").getAttribute("data-phase")) !== "chat") throw new Error("the conversation did not resume after a reload");
  }
  return samples;
}

async function main(): Promise<void> {
  const runs = Math.max(1, Number(values.runs));
  const app = values.base ? { appUrl: values.base.replace(/\/$/, ""), stop: async () => {} } : await startApp();
  const base = app.appUrl;
  const log = (line: string) => process.stderr.write(`· ${line}\n`);
  const browser = await chromium.launch({
    executablePath: fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  try {
    const loaderBody = Buffer.from(await (await fetch(`${base}/widget.js`)).arrayBuffer());
    const loaderBytes = gz(loaderBody);

    // Warm-up: the server's first requests fill caches; not counted.
    await loadHome(browser, base, true);
    await coldOpen(browser, base);

    const withWidget: HomeSample[] = [];
    const without: HomeSample[] = [];
    for (let i = 0; i < runs; i++) {
      // Interleaved, in alternating order, so a slower moment of the machine weighs on both alike.
      for (const widget of i % 2 ? [false, true] : [true, false]) (widget ? withWidget : without).push(await loadHome(browser, base, widget));
      log(`home run ${i + 1}: LCP ${withWidget.at(-1)!.lcp.toFixed(0)} ms with the widget, ${without.at(-1)!.lcp.toFixed(0)} ms without`);
    }
    if (!withWidget.every((sample) => sample.launcher)) throw new Error("the launcher did not appear on the home page");

    const cold: PanelLoad[] = [];
    for (let i = 0; i < runs; i++) cold.push(await coldOpen(browser, base));
    log(`panel files: ${cold[0]!.files.join(", ")}`);

    const returning = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    let resumed: number[] = [];
    try {
      resumed = await resumedOpens(returning, base, runs);
    } catch (error) {
      log(`returning visitor not measured: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await returning.close();
    }

    const lcpWith = median(withWidget.map((s) => s.lcp));
    const lcpWithout = median(without.map((s) => s.lcp));
    const shift = (lcpWith - lcpWithout) / lcpWithout;
    const panelBytes = Math.max(...cold.map((c) => c.jsBytes));
    const coldMs = median(cold.map((c) => c.ms));
    const resumedMs = resumed.length ? median(resumed) : NaN;
    const rows: [string, string, string, boolean | null][] = [
      ["loader (/widget.js), gzipped", `${loaderBytes} B`, "≤ 2 KB", loaderBytes <= TARGETS.loaderBytes],
      ["panel JS, gzipped (all scripts the iframe loads)", kb(panelBytes), "≤ 50 KB", panelBytes <= TARGETS.panelBytes],
      ["panel HTML + CSS + API answers, gzipped", kb(Math.max(...cold.map((c) => c.otherBytes))), "", null],
      [`click → ready, first visit (median of ${runs})`, `${coldMs.toFixed(0)} ms`, "≤ 300 ms", coldMs <= TARGETS.readyMs],
      [`click → ready, returning visitor, subscribed (median of ${resumed.length})`, Number.isNaN(resumedMs) ? "not measured" : `${resumedMs.toFixed(0)} ms`, "≤ 300 ms", Number.isNaN(resumedMs) ? false : resumedMs <= TARGETS.readyMs],
      [`home LCP with widget (median of ${runs})`, `${lcpWith.toFixed(0)} ms`, "", null],
      [`home LCP without widget (median of ${runs})`, `${lcpWithout.toFixed(0)} ms`, "", null],
      ["LCP shift from the widget", `${(shift * 100).toFixed(1)} %`, "≤ 5 %", shift <= TARGETS.lcpShift],
      ["home JS with widget, gzipped", kb(median(withWidget.map((s) => s.scriptBytes))), "", null],
      ["home JS without widget, gzipped", kb(median(without.map((s) => s.scriptBytes))), "", null],
    ];
    const width = Math.max(...rows.map((row) => row[0].length));
    console.log(`\nVisitor widget on ${base}\n`);
    console.log(`${"figure".padEnd(width)}  ${"measured".padStart(12)}  ${"target".padEnd(8)}`);
    for (const [name, value, target, ok] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(12)}  ${target.padEnd(8)}  ${ok === null ? "" : ok ? "✓" : "✗"}`);
    const missed = rows.filter((row) => row[3] === false).length;
    console.log(missed ? `\n${missed} target(s) missed` : "\nall targets met");
    process.exitCode = missed ? 1 : 0;
  } finally {
    await browser.close();
    await app.stop();
  }
}

if (values.serve) await serveApp();
else await main();
