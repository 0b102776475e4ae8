/**
 * Bench data for page timings (scripts/bench/pages.ts): a school's worth of rows in a throwaway
 * embedded PostgreSQL. Scale 1: 50,000 students, 500 teachers, 20 CS reps, 200,000 assignments,
 * 150,000 invoices, 200,000 threads with 2,000,000 messages, 1,000,000 audit rows, 500,000
 * notifications, and meetings, announcements and visitor sessions; scale 4 is four times that.
 *
 *   npm run bench:data -- [--scale 1|4] [--dir <data dir>] [--keep]
 *
 * Signs in as bench-<role>-000001@bench.test with the password in scripts/bench/data/shape.ts.
 * --keep leaves the database running (until Ctrl-C) and prints its URL; without --dir the temp dir
 * is removed on exit unless --keep.
 */
import { parseArgs } from "node:util";
import { openBenchDatabase, printGenerationReport } from "./data/database";
import { BENCH_PASSWORD, benchAccounts } from "./data/shape";

const { values } = parseArgs({ options: { scale: { type: "string", default: "1" }, dir: { type: "string" }, keep: { type: "boolean", default: false } } });
const scale = Number(values.scale);
if (!Number.isFinite(scale) || scale <= 0 || scale > 8) {
  console.error("--scale must be a number between 0 and 8 (1 or 4 for the issue's sizes)");
  process.exit(2);
}

const database = await openBenchDatabase({ scale, dir: values.dir, log: (line) => console.log(line) });
if (database.report) printGenerationReport(database.report, (line) => console.log(line));
if (values.keep) {
  console.log(`\nDATABASE_URL=${database.url}\ndata dir: ${database.dir}\nsign in as ${Object.values(benchAccounts).join(", ")} with ${BENCH_PASSWORD}\nCtrl-C stops PostgreSQL (the data dir stays).`);
  const stop = () => void database.stop({ keepDir: true }).then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} else {
  await database.stop();
}
