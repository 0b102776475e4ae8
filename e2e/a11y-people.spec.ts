import { configurePageChecks, describePublicPages, describeRolePages } from "./a11y-pages";

configurePageChecks();
describeRolePages("teacher");
describeRolePages("student");
describePublicPages();
