import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const desktop = { width: 1280, height: 900 };
export const phone = { width: 390, height: 844 };

const blocking = new Set(["critical", "serious"]);

/** Axe's critical and serious violations, one readable block each. */
async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    // Next's development overlay (dev tools badge); absent from the production build CI runs.
    .exclude("nextjs-portal")
    // axe runs in the page itself. The default mode finishes each run in a fresh blank page (for
    // cross-origin frames, which these pages do not have): opening that page cost 2–3 s per check,
    // more than the check.
    .setLegacyMode(true)
    // Only violations are read; passes and the rest are not collected node by node.
    .options({ resultTypes: ["violations"] })
    .analyze();
  return results.violations
    .filter((violation) => blocking.has(violation.impact ?? ""))
    .flatMap((violation) =>
      violation.nodes.map((node) =>
        [
          `[${violation.impact}] ${violation.id}: ${violation.help}`,
          `  target:  ${node.target.join(" ")}`,
          `  html:    ${node.html.slice(0, 200)}`,
          `  summary: ${(node.failureSummary ?? "").replace(/\n\s*/g, " / ")}`,
        ].join("\n"),
      ),
    );
}

/** Elements reaching past the right edge, to say what makes a phone scroll sideways. */
async function horizontalOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const culprits = [...document.body.querySelectorAll<HTMLElement>("*")]
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
      // The innermost ones name the cause; their ancestors only inherit the width.
      .filter((element, _index, all) => !all.some((other) => other !== element && element.contains(other)))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}.${[...element.classList].slice(0, 4).join(".")} (right ${Math.round(element.getBoundingClientRect().right)}px) "${(element.textContent ?? "").trim().slice(0, 40)}"`);
    return `scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}; widest: ${culprits.join("; ")}`;
  });
}

async function settle(page: Page) {
  await page.waitForLoadState("load");
  // Layout follows the viewport in the next frames (media queries, client-side measurements).
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * The page as it stands, at 1280 px and at 390 px: no critical or serious axe violation, and no
 * sideways scroll on the phone. Both viewports are always checked, so one failure does not hide the other.
 */
export async function expectAccessible(page: Page, name: string) {
  for (const [label, viewport] of [["1280 px", desktop], ["390 px", phone]] as const) {
    await page.setViewportSize(viewport);
    const { problems, overflow } = await retriedOnReload(page, async () => ({
      problems: await axeProblems(page),
      overflow: viewport === phone ? await horizontalOverflow(page) : null,
    }));
    expect.soft(problems, `${name} at ${label}: axe found ${problems.length} critical/serious problem(s):\n\n${problems.join("\n\n")}\n`).toEqual([]);
    expect.soft(overflow, `${name} at ${label} scrolls sideways: ${overflow}`).toBeNull();
  }
  await page.setViewportSize(desktop);
}

/** The page as it stands at the current viewport (an open menu, a drawer): no critical or serious axe violation. */
export async function expectNoAxeProblems(page: Page, name: string) {
  const problems = await retriedOnReload(page, () => axeProblems(page));
  expect.soft(problems, `${name}: axe found ${problems.length} critical/serious problem(s):\n\n${problems.join("\n\n")}\n`).toEqual([]);
}

/** A page that reloads itself mid-check (a router refresh, the dev server's hot reload) is checked again once it has loaded. */
async function retriedOnReload<T>(page: Page, check: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    await settle(page);
    try {
      return await check();
    } catch (error) {
      if (attempt >= 3 || !/Execution context was destroyed|navigation/i.test(String(error))) throw error;
    }
  }
}
