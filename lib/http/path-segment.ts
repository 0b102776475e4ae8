/**
 * The decoded path segment `fromEnd` places before the last (`/api/invoices/{id}/pdf` → id with 1).
 * A malformed escape is left as sent: no record has such an id, so the service answers 404.
 */
export function pathSegment(url: string, fromEnd: number): string {
  const segment = new URL(url).pathname.split("/").at(-1 - fromEnd) ?? "";
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Whether every segment of a raw path decodes as UTF-8 (`/api/files/%FF%FE` does not). */
export function isDecodablePath(rawPathname: string): boolean {
  try {
    decodeURIComponent(rawPathname);
    return true;
  } catch {
    return false;
  }
}
