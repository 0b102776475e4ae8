/**
 * Asks Intl itself: `Intl.supportedValuesOf("timeZone")` lists ICU's legacy names only
 * (Asia/Calcutta), so checking against it would refuse the current ones (Asia/Kolkata).
 */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** UTC first, then the runtime's zones; a saved zone the runtime no longer lists stays selectable. */
export function timeZoneOptions(current?: string): string[] {
  const zones = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}
