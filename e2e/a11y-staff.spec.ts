import { configurePageChecks, describeRolePages } from "./a11y-pages";

configurePageChecks();
describeRolePages("admin");
describeRolePages("cs_rep");
