import fs from "node:fs";

// Debian's Chromium where present: Playwright's own browser download cannot work offline.
export const chromiumExecutablePath = fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;

/** How both Playwright stages launch it: no sandbox (root in CI), no GPU, nothing that calls home. */
export const chromiumLaunchOptions = {
  executablePath: chromiumExecutablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};
