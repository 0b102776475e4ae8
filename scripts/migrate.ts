import { loadDotEnv } from "./lib/dotenv";
import { migrateWithLock } from "./lib/database";
import { errorText, failStart } from "./lib/fail";

loadDotEnv();
const url = process.env.DATABASE_URL;
if (!url) failStart("DATABASE_URL is not set (npm run dev migrates the embedded database by itself)");
try {
  await migrateWithLock(url);
  console.log("Migrations applied.");
} catch (error) {
  failStart(errorText(error));
}
