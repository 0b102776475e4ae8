/** What a person is told while PostgreSQL cannot be reached: no error text of ours or the driver's. */
export const DATABASE_UNAVAILABLE_MESSAGE = "The service is briefly unavailable. Try again in a moment.";

// SQLSTATEs that mean "the server is not there for you right now", not "your query is wrong":
// class 08 (connection exception), 57P01 admin_shutdown (a restart), 57P02 crash_shutdown,
// 57P03 cannot_connect_now (starting up or shutting down), 53300 too_many_connections.
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
// What node-postgres says, without a code, when a connection dies or cannot be had in time.
const UNAVAILABLE_MESSAGES = [/^Connection terminated/i, /timeout exceeded when trying to connect/i, /Client has encountered a connection error and is not queryable/i, /Connection closed/i];

function codeOf(error: object): string | undefined {
  return "code" in error && typeof error.code === "string" ? error.code : undefined;
}

/**
 * Whether an error (or anything it wraps: Drizzle's `cause`, Auth.js's `cause.err`, Node's
 * AggregateError for a host with two addresses) comes from PostgreSQL being unreachable, restarting or dropping the connection.
 * Such a failure is retried by the caller, so it is answered 503, not 500.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const code = codeOf(error);
  if (code && (code.startsWith("08") || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
  // A query error PostgreSQL answered (it has a SQLSTATE) is about the query, whatever its text says.
  if (code && /^[0-9A-Z]{5}$/.test(code)) return false;
  if (error instanceof Error && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(error.message))) return true;
  if ("cause" in error && isDatabaseUnavailable(error.cause, depth + 1)) return true;
  // Auth.js keeps what a provider's authorize() threw as `cause.err`.
  if ("err" in error && isDatabaseUnavailable(error.err, depth + 1)) return true;
  if (error instanceof AggregateError) return error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
  return false;
}

/** The driver's own words for the log: the innermost cause, not Drizzle's wrapper with the query and its parameters. */
export function databaseErrorSummary(error: unknown): string {
  let inner = error;
  for (let depth = 0; depth < 5 && inner instanceof Error && inner.cause !== undefined; depth++) inner = inner.cause;
  if (!(inner instanceof Error)) return String(inner);
  const code = codeOf(inner);
  return code ? `${code}: ${inner.message}` : inner.message;
}
