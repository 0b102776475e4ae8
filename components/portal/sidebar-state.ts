/** The cookie that remembers a collapsed sidebar, read on the server so the first paint is right. */
export const SIDEBAR_COOKIE = "sidebar_collapsed";
