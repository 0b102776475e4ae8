import type { LogLevel } from "./config";

type Fields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  error(event: string, fields?: Fields): void;
  warn(event: string, fields?: Fields): void;
  info(event: string, fields?: Fields): void;
  debug(event: string, fields?: Fields): void;
}

const SEVERITY: Record<LogLevel, number> = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 };

/**
 * One JSON object per line so the output can be grepped by `event` or piped
 * into any log shipper without a parser for a bespoke format.
 */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const threshold = SEVERITY[level];
  const emit = (lineLevel: Exclude<LogLevel, "silent">, event: string, fields?: Fields): void => {
    if (SEVERITY[lineLevel] > threshold) return;
    const line: Record<string, unknown> = { ts: new Date().toISOString(), level: lineLevel, event };
    // A field must never overwrite ts/level/event, or lines could no longer be filtered by them.
    for (const [name, value] of Object.entries(fields ?? {})) if (!(name in line)) line[name] = value;
    write(JSON.stringify(line));
  };
  return {
    error: (event, fields) => emit("error", event, fields),
    warn: (event, fields) => emit("warn", event, fields),
    info: (event, fields) => emit("info", event, fields),
    debug: (event, fields) => emit("debug", event, fields),
  };
}
