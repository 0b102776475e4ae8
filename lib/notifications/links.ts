/** The route that marks a notification read and then follows its link. */
export const openHref = (id: string) => `/notifications/${id}/open`;

/**
 * Only a same-site path is followed: one leading slash, no backslash, no whitespace or control
 * characters (browsers drop tabs and newlines, which would turn "/\t/evil.test" into "//evil.test").
 */
export function safeNotificationLink(link: string | null | undefined): string | undefined {
  if (!link || !/^\/(?![/\\])/.test(link)) return undefined;
  if (/[\s\\\u0000-\u001f\u007f]/.test(link)) return undefined;
  return link;
}
