/** Header values (subject, address) are one line: a CR or LF inside one would start a new header. */
export function oneLine(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, " ").trim();
}
