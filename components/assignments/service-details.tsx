import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { academicLevelLabel, citationStyleLabel } from "./labels";
import type { AssignmentDetail } from "@/lib/assignments/types";
import { When } from "./when";

type Details = NonNullable<AssignmentDetail["details"]>;

const level = (value: string) => academicLevelLabel[value as keyof typeof academicLevelLabel] ?? value;
const citation = (value: string) => citationStyleLabel[value as keyof typeof citationStyleLabel] ?? value;

function rows(details: Details, timeZone: string): [string, ReactNode][] {
  if ("academicLevel" in details) {
    return [
      ["Paper type", details.paperType],
      ["Academic level", level(details.academicLevel)],
      ["Pages", details.pages ?? "—"],
      ["Word count", details.wordCount?.toLocaleString("en") ?? "—"],
      ["Citation style", citation(details.citationStyle)],
    ];
  }
  if ("problemCount" in details) {
    return [
      ["Number of problems", details.problemCount],
      ["Course level", level(details.courseLevel)],
    ];
  }
  return [
    ["Exam start", <When key="start" at={details.startsAt} timeZone={timeZone} withZone />],
    ["Duration", `${details.durationMinutes} minutes`],
    ["Platform", details.platform],
    ["Topics", <span key="topics" className="whitespace-pre-wrap">{details.topics}</span>],
  ];
}

/** The fields only this service asks for, each time in the viewer's zone. */
export function ServiceDetails({ details, timeZone }: { details: AssignmentDetail["details"]; timeZone: string }) {
  if (!details) return null;
  const title = "academicLevel" in details ? "Paper details" : "problemCount" in details ? "Homework details" : "Exam details";
  return (
    <Card title={title}>
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        {rows(details, timeZone).map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-500">{label}</dt>
            <dd className="mt-0.5 text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
