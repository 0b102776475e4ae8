import Forbidden from "../forbidden";

export const metadata = { title: "Access refused" };

// The proxy rewrites another role's area here with status 403.
export default Forbidden;
