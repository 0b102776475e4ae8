/** The thread page; the same path in every role's portal. */
export const threadHref = (threadId: string) => `/messages/${threadId}`;
