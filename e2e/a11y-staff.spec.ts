import { describeRolePages } from "./a11y-pages";

describeRolePages("admin");
describeRolePages("cs_rep");
