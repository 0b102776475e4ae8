import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { findFreePort } from "./lib/ports";

/**
 * `npm test`: types, lint, unit + integration (Vitest on real PostgreSQL), then a production
 * build and the Playwright journeys in Chromium. Ends with one line: `N passed, N failed`.
 */
const resultsDir = path.resolve(".test-results");
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });

let passed = 0;
let failed = 0;
const failures: string[] = [];
// What failed, by name, printed last so CI's tail of the output says which.
const problems: string[] = [];

// Each stage's wall time, printed at the end: the suite has a 30-minute budget on two cores.
const stageSeconds: string[] = [];

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${label}`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  stageSeconds.push(`${label} ${Math.round((performance.now() - started) / 1000)} s`);
  return result.status === 0;
}

/** Stages that each use one core, run side by side; each one's output is printed whole once it ends. */
async function runSideBySide(stages: { label: string; command: string; args: string[] }[]): Promise<boolean[]> {
  const started = performance.now();
  const results = await Promise.all(
    stages.map(
      ({ label, command, args }) =>
        new Promise<{ label: string; ok: boolean; output: string }>((resolve) => {
          const child = spawn(command, args, { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "pipe", "pipe"] });
          let output = "";
          child.stdout.on("data", (chunk: Buffer) => (output += chunk));
          child.stderr.on("data", (chunk: Buffer) => (output += chunk));
          child.on("error", (error) => resolve({ label, ok: false, output: `${output}${error.message}\n` }));
          child.on("close", (code) => resolve({ label, ok: code === 0, output }));
        }),
    ),
  );
  for (const { label, output } of results) process.stdout.write(`\n▶ ${label}\n${output}`);
  stageSeconds.push(`${results.map((result) => result.label).join(" + ")} ${Math.round((performance.now() - started) / 1000)} s`);
  return results.map((result) => result.ok);
}

function check(label: string, ok: boolean) {
  if (ok) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

type PlaywrightSuite = {
  title: string;
  file: string;
  specs: { title: string; line: number; tests: { status: string; results: { errors: { message?: string }[] }[] }[] }[];
  suites?: PlaywrightSuite[];
};

/** The journeys that failed, were flaky or did not run, one line each, so CI's last lines say which. */
function playwrightProblems(suites: PlaywrightSuite[]): string[] {
  const lines: string[] = [];
  const walk = (suite: PlaywrightSuite, titles: string[]) => {
    for (const spec of suite.specs) {
      for (const test of spec.tests) {
        if (test.status === "expected") continue;
        const error = test.results.flatMap((result) => result.errors).find((e) => e.message)?.message ?? "";
        const firstLine = error.replace(/\u001b\[[0-9;]*m/g, "").split("\n").find((line) => line.trim()) ?? "";
        lines.push(`  ${test.status} ${suite.file}:${spec.line} › ${[...titles, spec.title].join(" › ")}${firstLine ? ` — ${firstLine.trim().slice(0, 200)}` : ""}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  // The top-level suites are the spec files, whose names each line already starts with.
  for (const file of suites) walk(file, []);
  return lines;
}

/** Runs one Playwright config and adds its report's counts; a run without a report counts as one failure. */
function countPlaywright(label: string, reportFile: string, args: string[], env: Record<string, string>) {
  const ok = run(label, "npx", args, { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile });
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number }; suites: PlaywrightSuite[] }>(reportFile);
  if (!report) return check(`${label} (no report)`, false);
  passed += report.stats.expected + report.stats.flaky;
  // A journey that did not run (its stage's dependency failed, or it skipped itself) proves nothing.
  failed += report.stats.unexpected + report.stats.skipped + (report.stats.unexpected === 0 && !ok ? 1 : 0);
  if (report.stats.skipped > 0) console.log(`\n${report.stats.skipped} ${label} tests did not run (a failed stage before them, or a skip); counted as failed.`);
  if (!ok || report.stats.skipped > 0) failures.push(label);
  const found = playwrightProblems(report.suites ?? []);
  if (found.length) problems.push(`${label}:`, ...found);
}

const only = process.argv[2];

if (!only || only === "static") {
  const [typesOk, lintOk] = await runSideBySide([
    { label: "typecheck", command: "npx", args: ["tsc", "--noEmit", "-p", "."] },
    { label: "lint", command: "npx", args: ["eslint", ".", "--max-warnings", "0"] },
  ]);
  check("typecheck", typesOk!);
  check("lint", lintOk!);
}

if (!only || only === "unit") {
  const vitestFile = path.join(resultsDir, "vitest.json");
  const ok = run("vitest", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestFile}`]);
  const report = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numFailedTestSuites: number;
    testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string }[] }[];
  }>(vitestFile);
  if (report) {
    const failedTests = report.testResults.flatMap((file) => {
      const tests = file.assertionResults.filter((test) => test.status === "failed").map((test) => `  failed ${path.relative(".", file.name)} › ${test.fullName}`);
      return tests.length || file.status !== "failed" ? tests : [`  failed ${path.relative(".", file.name)} — ${(file.message ?? "").split("\n")[0]?.slice(0, 200) ?? ""}`];
    });
    if (failedTests.length) problems.push("vitest:", ...failedTests);
    passed += report.numPassedTests;
    failed += report.numFailedTests + (report.numFailedTests === 0 && !ok ? 1 : 0);
    if (!ok) failures.push("vitest");
  } else check("vitest (no report)", false);
}

if (!only || only === "e2e") {
  // As `npm run build`: the visitor widget's bundles first (scripts/build-widget.ts), then Next.
  const built = run("widget build", "npx", ["tsx", "scripts/build-widget.ts"]) && run("next build", "npx", ["next", "build"]);
  check("next build", built);
  if (built) {
    const port = await findFreePort();
    countPlaywright("playwright", path.join(resultsDir, "playwright.json"), ["playwright", "test"], { E2E_PORT: String(port) });
    // Two instances against one database (playwright.cluster.config.ts), with ports of their own.
    const [portA, portB, controlPort] = [await findFreePort(), await findFreePort(), await findFreePort()];
    countPlaywright("playwright cluster", path.join(resultsDir, "playwright-cluster.json"), ["playwright", "test", "-c", "playwright.cluster.config.ts"], {
      E2E_CLUSTER_PORT: String(portA),
      E2E_CLUSTER_PORT_B: String(portB),
      E2E_CLUSTER_CONTROL_PORT: String(controlPort),
    });
  }
}

console.log(`\nStages: ${stageSeconds.join(", ")}`);
if (problems.length) console.log(`\n${problems.join("\n")}`);
if (failures.length) console.log(`\nFailed: ${failures.join(", ")}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
