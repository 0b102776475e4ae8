/** A start that cannot work says why in one line and exits non-zero. */
export function failStart(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

export function errorText(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return errorText(error.errors[0]);
  if (error instanceof Error) {
    const line = (error.message || error.name).split("\n")[0] ?? "unknown error";
    // Drizzle wraps the driver's error; the cause says what PostgreSQL refused.
    return error.cause ? `${line}: ${errorText(error.cause)}` : line;
  }
  return String(error);
}
