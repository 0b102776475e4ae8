// The assignment types components may use, so they never reach into the database schema.
export type { AssignmentStatus, ServiceType, TeacherAssignment } from "@/db/schema";
export type { AssignmentAction } from "./available-actions";
export type { AssignmentDetail } from "./load-detail";
