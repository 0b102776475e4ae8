import { parseArgs } from "node:util";
import { createDatabase } from "@/db/client";
import { bootstrapAdmin } from "@/lib/users/bootstrap-admin";
import { loadDotEnv } from "./lib/dotenv";
import { errorText, failStart } from "./lib/fail";

// npm run admin:create -- --email ops@example.com --name "Ops Lead"
loadDotEnv();
const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
const url = process.env.DATABASE_URL;
if (!url) failStart("DATABASE_URL is not set");
const { db, pool } = createDatabase(url, 1);
try {
  const result = await bootstrapAdmin(db, { email: values.email ?? "", fullName: values.name ?? "" });
  if (!result.ok) failStart(`${result.message}${Object.keys(result.fieldErrors).length ? `: ${JSON.stringify(result.fieldErrors)}` : ""}`);
  console.log(`Admin ${result.data.publicId} created. Temporary password (shown once, must be changed at sign-in): ${result.data.temporaryPassword}`);
} catch (error) {
  failStart(errorText(error));
} finally {
  await pool.end();
}
