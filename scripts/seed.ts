import { createDatabase } from "@/db/client";
import { seedDemoData } from "./demo/seed-demo";
import { loadDotEnv } from "./lib/dotenv";
import { errorText, failStart } from "./lib/fail";

loadDotEnv();
if (process.env.NODE_ENV === "production") failStart("demo data is never seeded when NODE_ENV=production");
const url = process.env.DATABASE_URL;
if (!url) failStart("DATABASE_URL is not set");
const { db, pool } = createDatabase(url, 1);
try {
  const { created } = await seedDemoData(db, { storageRoot: process.env.UPLOADS_DIR });
  console.log(created > 0 ? `Seeded ${created} demo accounts.` : "Database already has users; nothing seeded.");
} catch (error) {
  failStart(errorText(error));
} finally {
  await pool.end();
}
