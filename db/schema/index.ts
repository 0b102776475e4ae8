export * from "./auth";
export * from "./audit";
export * from "./notifications";
export * from "./assignments";
export * from "./invoices";
export * from "./mail";
export * from "./messaging";
export * from "./visitor-chat";
