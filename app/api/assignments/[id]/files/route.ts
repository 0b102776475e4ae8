import { getDb } from "@/db/client";
import { addBriefFiles } from "@/lib/assignments/add-brief-files";
import { assignmentUploadRoute } from "@/lib/http/upload-route";

export const dynamic = "force-dynamic";

// Fields: expectedVersion; files under `files`. Brief files can be added until a teacher accepts.
export const POST = assignmentUploadRoute((actor, input) => addBriefFiles(getDb(), actor, input));
