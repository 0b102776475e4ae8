import { getDb } from "@/db/client";
import { submitDelivery } from "@/lib/assignments/submit-delivery";
import { assignmentUploadRoute } from "@/lib/http/upload-route";

export const dynamic = "force-dynamic";

// Fields: expectedVersion, notes, textSolution, examScore, examOutcome; files under `files`.
export const POST = assignmentUploadRoute((actor, input) => submitDelivery(getDb(), actor, input));
