/**
 * Largest Contentful Paint of the home page in Chromium, over several cold loads (a new browser
 * context each run, so nothing is cached). One warm-up load first, so a dev server's first compile
 * is not counted.
 *
 *   npx tsx scripts/bench/home-lcp.ts [--base http://localhost:3000] [--path /] [--runs 10] [--width 1280]
 *
 * The budget is 1.0 s on loopback against a production build (`npm run build && npm start`).
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { chromium, type Browser } from "@playwright/test";

const { values } = parseArgs({
  options: {
    base: { type: "string", default: process.env.BASE ?? "http://localhost:3000" },
    path: { type: "string", default: "/" },
    runs: { type: "string", default: "10" },
    width: { type: "string", default: "1280" },
  },
});
const url = new URL(values.path, values.base).toString();
const runs = Number(values.runs);
const width = Number(values.width);

type Sample = { lcp: number; element: string; ttfb: number };

async function measure(browser: Browser): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "load", timeout: 120_000 });
    // The last entry reported before any input is the page's LCP; a short wait lets late paints land.
    return await page.evaluate(
      () =>
        new Promise<Sample>((resolve) => {
          let last: (PerformanceEntry & { element?: Element | null }) | undefined;
          new PerformanceObserver((list) => {
            last = list.getEntries().at(-1);
          }).observe({ type: "largest-contentful-paint", buffered: true });
          const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
          setTimeout(() => {
            const el = last?.element;
            const element = el ? `<${el.tagName.toLowerCase()}> ${(el.textContent ?? "").trim().slice(0, 40)}` : "none";
            resolve({ lcp: last?.startTime ?? NaN, element, ttfb: nav?.responseStart ?? NaN });
          }, 500);
        }),
    );
  } finally {
    await context.close();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const executablePath = fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
try {
  await measure(browser);
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    const sample = await measure(browser);
    samples.push(sample);
    console.log(`run ${i + 1}: LCP ${sample.lcp.toFixed(0)} ms (TTFB ${sample.ttfb.toFixed(0)} ms, after first byte ${(sample.lcp - sample.ttfb).toFixed(0)} ms) ${sample.element}`);
  }
  const summary = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `p50 ${percentile(sorted, 50).toFixed(0)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(0)} ms`;
  };
  // A busy server shows in TTFB; the time after the first byte is what the page itself costs.
  console.log(`${url} at ${width} px, ${runs} runs: LCP ${summary(samples.map((s) => s.lcp))} (budget 1000 ms); after first byte ${summary(samples.map((s) => s.lcp - s.ttfb))}`);
} finally {
  await browser.close();
}
