import { describePublicPages, describeRolePages } from "./a11y-pages";

describeRolePages("teacher");
describeRolePages("student");
describePublicPages();
