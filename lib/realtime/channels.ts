/** Channel names, in one place so the server, the auth endpoint and the client agree. */
export const channels = {
  user: (userId: string) => `private-user-${userId}`,
} as const;

export const events = {
  notificationCreated: "notification.created",
  notificationsRead: "notifications.read",
} as const;
