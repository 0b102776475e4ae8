/** A notification as every view shows it: plain data, text already rendered for the viewer. */
export type NotificationItem = {
  id: string;
  title: string;
  body: string | null;
  unread: boolean;
  /** The task it asked for was done (by its reader or by someone else). */
  resolved: boolean;
  /** Opens it: marks it read, then goes to its link. */
  href: string;
  /** ISO instant, for `<time dateTime>` and relative time ("2 hours ago"). */
  createdAt: string;
  /** The full moment in the viewer's zone, for a tooltip. */
  createdAtLabel: string;
};

export type NotificationPage = { items: NotificationItem[]; nextCursor?: string };

export type LatestNotifications = { items: NotificationItem[]; unread: number };
