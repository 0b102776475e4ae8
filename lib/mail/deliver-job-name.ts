/** The queue that delivers one outbox row; its job data is `{ outboxId }`. */
export const DELIVER_MAIL = "mail.deliver";
