/**
 * The tasks a notification can ask for. The notification that asks and the change that completes
 * the task name it with the same key, so doing it once resolves it for everyone who was asked.
 */
export const taskKeys = {
  /** CS reps: a request (or one a teacher declined) waits for a teacher. */
  assignTeacher: (assignmentId: string) => `assignment:${assignmentId}:assign`,
  /** A teacher: an offer to teach or help waits for their answer. */
  answerOffer: (assignmentId: string, teacherId: string) => `assignment:${assignmentId}:offer:${teacherId}`,
  /** The student: a delivery waits to be accepted or sent back for revision. */
  reviewDelivery: (assignmentId: string) => `assignment:${assignmentId}:review`,
  /** The teachers: a revision was asked for and waits for a new delivery. */
  deliverRevision: (assignmentId: string) => `assignment:${assignmentId}:revise`,
  /** Admins: an invoice waits for approval. */
  approveInvoice: (invoiceId: string) => `invoice:${invoiceId}:approval`,
  /** The CS rep who drafted it: a rejected invoice waits to be fixed and resubmitted. */
  resubmitInvoice: (invoiceId: string) => `invoice:${invoiceId}:resubmit`,
  /** The student: an issued invoice waits to be paid. */
  payInvoice: (invoiceId: string) => `invoice:${invoiceId}:pay`,
  /** Admins: a disputed payment waits to be accepted or refunded. */
  settleDispute: (paymentId: string) => `payment:${paymentId}:dispute`,
  /** Admins: a provider event the rules could not apply waits for a look. */
  reviewPayment: (paymentId: string) => `payment:${paymentId}:review`,
  /** One participant: a thread has messages they have not read (one bell per thread until read). */
  readThread: (threadId: string, userId: string) => `thread:${threadId}:read:${userId}`,
  /** CS reps and admins: a visitor waits in the chat queue (claiming, closing or converting it resolves it). */
  serveVisitor: (sessionId: string) => `visitor:${sessionId}:serve`,
  /** A meeting's participant: an invitation or a new time waits for their answer. */
  answerMeeting: (meetingId: string, userId: string) => `meeting:${meetingId}:answer:${userId}`,
  /** The organizer: a time the invitee proposed waits to be accepted or declined. */
  answerMeetingProposal: (meetingId: string) => `meeting:${meetingId}:proposal`,
} as const;

/** Every open task on an assignment, for a change that ends it (cancellation). */
export function assignmentTaskKeys(assignmentId: string, teacherIds: readonly string[]): string[] {
  return [
    taskKeys.assignTeacher(assignmentId),
    taskKeys.reviewDelivery(assignmentId),
    taskKeys.deliverRevision(assignmentId),
    ...teacherIds.map((teacherId) => taskKeys.answerOffer(assignmentId, teacherId)),
  ];
}
