import { Field, SelectField, TextareaField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import { academicLevelLabel, academicLevelOptions, citationStyleLabel, citationStyleOptions } from "./labels";

type Props = { service: "writing" | "homework" | "exam"; errors: FieldErrors; timeZones: string[]; timeZone: string };

/** The fields only the chosen service asks for. */
export function ServiceFields({ service, errors, timeZones, timeZone }: Props) {
  if (service === "writing") {
    return (
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Paper details</legend>
        <SelectField label="Academic level" name="academicLevel" defaultValue="undergraduate" errors={errors.academicLevel}>
          {academicLevelOptions.map((level) => <option key={level} value={level}>{academicLevelLabel[level]}</option>)}
        </SelectField>
        <Field label="Paper type" name="paperType" placeholder="Essay, report, literature review…" errors={errors.paperType} />
        <Field label="Pages" name="pages" type="number" min={1} max={200} inputMode="numeric" hint="Or give a word count" errors={errors.pages} />
        <Field label="Word count" name="wordCount" type="number" min={100} max={100000} inputMode="numeric" errors={errors.wordCount} />
        <SelectField label="Citation style" name="citationStyle" defaultValue="apa" errors={errors.citationStyle}>
          {citationStyleOptions.map((style) => <option key={style} value={style}>{citationStyleLabel[style]}</option>)}
        </SelectField>
      </fieldset>
    );
  }
  if (service === "homework") {
    return (
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold">Homework details</legend>
        <Field label="Number of problems" name="problemCount" type="number" min={1} max={500} inputMode="numeric" errors={errors.problemCount} />
        <SelectField label="Course level" name="courseLevel" defaultValue="undergraduate" errors={errors.courseLevel}>
          {academicLevelOptions.map((level) => <option key={level} value={level}>{academicLevelLabel[level]}</option>)}
        </SelectField>
      </fieldset>
    );
  }
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2">
      <legend className="mb-2 text-sm font-semibold">Exam details</legend>
      <Field label="Exam start" name="examStartsAt" type="datetime-local" errors={errors.examStartsAt} hint="In the exam time zone chosen beside it." />
      <SelectField label="Exam time zone" name="examTimeZone" defaultValue={timeZone} errors={errors.examTimeZone}>
        {timeZones.map((zone) => <option key={zone} value={zone}>{zone}</option>)}
      </SelectField>
      <Field label="Duration (minutes)" name="durationMinutes" type="number" min={10} max={720} inputMode="numeric" errors={errors.durationMinutes} />
      <Field label="Platform" name="platform" placeholder="Moodle, Canvas, in person…" errors={errors.platform} />
      <div className="sm:col-span-2">
        <TextareaField label="Topics" name="topics" rows={3} errors={errors.topics} />
      </div>
    </fieldset>
  );
}
