import { createDatabase } from "@/db/client";
import { demoLoginsIn, type DemoLogins } from "./demo-logins";
import { seedDemoData } from "./seed-demo";

/**
 * Seeds demo data when this run may (`npm run dev`, the e2e server; never `npm start`) and returns
 * the logins the banner may name: those this database holds, seeded now or on an earlier run.
 */
export async function prepareDemoData(url: string, options: { seed: boolean; storageRoot?: string }): Promise<DemoLogins | null> {
  if (!options.seed) return null;
  const { db, pool } = createDatabase(url, 1);
  try {
    const { created } = await seedDemoData(db, { storageRoot: options.storageRoot });
    if (created > 0) console.log(`Seeded ${created} demo accounts.`);
    return await demoLoginsIn(db);
  } finally {
    await pool.end();
  }
}
