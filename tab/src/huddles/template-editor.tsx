import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Textarea, Title3 } from "@fluentui/react-components";
import { useState } from "react";
import {
  HUDDLE_TEMPLATE_LIMITS as limits,
  huddleTemplateInputSchema,
  type HuddleStepInput,
  type HuddleTemplateInput,
} from "../../../shared/huddles/templates.js";
import { TypedCrisisNotice } from "../components/typed-crisis-notice.js";
import { useMessages } from "../i18n/use-messages.js";

const BLANK_STEP: HuddleStepInput = { title: "", prompt: "", durationSeconds: 120 };

/** Which field the first problem is in, e.g. "steps.1.durationSeconds", so it can be highlighted. */
function firstProblem(draft: HuddleTemplateInput): { path: string; message: string } | undefined {
  const parsed = huddleTemplateInputSchema.safeParse(draft);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0]!;
  return { path: issue.path.join("."), message: issue.message };
}

function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

/**
 * The form for one custom template. It checks the draft with the same schema the server uses, so
 * Save is offered only for a template the server will accept, and the first problem is named.
 */
export function TemplateEditor({
  initial,
  saving,
  onSave,
  onCancel,
}: {
  initial: HuddleTemplateInput;
  saving: boolean;
  onSave: (input: HuddleTemplateInput) => void;
  onCancel: () => void;
}) {
  const { text, formatMessage } = useMessages();
  const [draft, setDraft] = useState<HuddleTemplateInput>(initial);
  const [touched, setTouched] = useState(false);
  const problem = firstProblem(draft);
  const errorFor = (path: string) => (touched && problem?.path === path ? problem.message : null);
  const change = (next: Partial<HuddleTemplateInput>) => {
    setTouched(true);
    setDraft((current) => ({ ...current, ...next }));
  };
  const changeStep = (index: number, next: Partial<HuddleStepInput>) =>
    change({ steps: draft.steps.map((step, position) => (position === index ? withoutEmpty({ ...step, ...next }) : step)) });

  return (
    <form
      aria-labelledby="template-editor-title"
      style={{ display: "grid", gap: 12, maxWidth: 720 }}
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (!problem) onSave(huddleTemplateInputSchema.parse(draft));
      }}
    >
      <Title3 id="template-editor-title" as="h2">
        {draft.name || text.templatesNew}
      </Title3>
      <Field label={text.templateName} required validationMessage={errorFor("name")}>
        <Input value={draft.name} maxLength={limits.nameMaxLength} onChange={(_event, data) => change({ name: data.value })} />
      </Field>
      <Field label={text.templateDescription} validationMessage={errorFor("description")}>
        <Textarea
          value={draft.description}
          maxLength={limits.descriptionMaxLength}
          onChange={(_event, data) => change({ description: data.value })}
        />
      </Field>
      <TypedCrisisNotice texts={[draft.name, draft.description]} testId="template-crisis" />
      <fieldset style={{ border: "none", margin: 0, padding: 0, display: "grid", gap: 16 }}>
        <legend style={{ fontWeight: 600 }}>
          {text.templateSteps} — {text.templateLimits}
        </legend>
        {draft.steps.map((step, index) => (
          <StepFields
            key={index}
            step={step}
            number={index + 1}
            count={draft.steps.length}
            errorFor={(field) => errorFor(`steps.${index}.${field}`)}
            onChange={(next) => changeStep(index, next)}
            onRemove={() => change({ steps: draft.steps.filter((_step, position) => position !== index) })}
            onMove={(offset) => change({ steps: moved(draft.steps, index, index + offset) })}
          />
        ))}
        <div>
          <Button disabled={draft.steps.length >= limits.maxSteps} onClick={() => change({ steps: [...draft.steps, { ...BLANK_STEP }] })}>
            {text.templateAddStep}
          </Button>
        </div>
      </fieldset>
      {touched && problem && (
        <MessageBar intent="warning" data-testid="template-problem">
          <MessageBarBody>
            {formatMessage("templateInvalid", { detail: `${problem.path || "template"}: ${problem.message}` })}
          </MessageBarBody>
        </MessageBar>
      )}
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button appearance="primary" type="submit" disabled={Boolean(problem) || saving}>
          {text.templatesSave}
        </Button>
        <Button onClick={onCancel}>{text.templatesCancel}</Button>
      </div>
    </form>
  );
}

/** Unticked options are left out rather than sent as false or blank, as the schema expects. */
function withoutEmpty(step: HuddleStepInput): HuddleStepInput {
  const { round, pulse, facilitatorNotes, ...rest } = step;
  return { ...rest, ...(round ? { round } : {}), ...(pulse ? { pulse } : {}), ...(facilitatorNotes ? { facilitatorNotes } : {}) };
}

function StepFields({
  step,
  number,
  count,
  errorFor,
  onChange,
  onRemove,
  onMove,
}: {
  step: HuddleStepInput;
  number: number;
  count: number;
  errorFor: (field: string) => string | null;
  onChange: (next: Partial<HuddleStepInput>) => void;
  onRemove: () => void;
  onMove: (offset: number) => void;
}) {
  const { text, formatMessage } = useMessages();
  const minutes = Math.floor(step.durationSeconds / 60);
  const seconds = step.durationSeconds % 60;
  const numberLabel = { number: String(number) };
  return (
    <section aria-label={formatMessage("templateStepHeading", numberLabel)} style={{ display: "grid", gap: 8 }} data-testid="template-step">
      <strong>{formatMessage("templateStepHeading", numberLabel)}</strong>
      <Field label={text.templateStepTitle} required validationMessage={errorFor("title")}>
        <Input value={step.title} maxLength={limits.stepTitleMaxLength} onChange={(_event, data) => onChange({ title: data.value })} />
      </Field>
      <Field label={text.templateStepPrompt} required validationMessage={errorFor("prompt")}>
        <Textarea value={step.prompt} maxLength={limits.promptMaxLength} onChange={(_event, data) => onChange({ prompt: data.value })} />
      </Field>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Field label={text.templateStepMinutes} validationMessage={errorFor("durationSeconds")}>
          <Input
            type="number"
            min={0}
            max={60}
            value={String(minutes)}
            onChange={(_event, data) => onChange({ durationSeconds: Math.max(0, Number(data.value) || 0) * 60 + seconds })}
          />
        </Field>
        <Field label={text.templateStepSeconds}>
          <Input
            type="number"
            min={0}
            max={59}
            value={String(seconds)}
            onChange={(_event, data) => onChange({ durationSeconds: minutes * 60 + Math.min(59, Math.max(0, Number(data.value) || 0)) })}
          />
        </Field>
      </div>
      <Checkbox
        label={text.templateStepRound}
        checked={Boolean(step.round)}
        onChange={(_event, data) => onChange({ round: data.checked ? { secondsPerSpeaker: 20 } : undefined })}
      />
      {step.round && (
        <Field label={text.templateStepSecondsPerSpeaker} validationMessage={errorFor("round.secondsPerSpeaker")}>
          <Input
            type="number"
            min={limits.minSecondsPerSpeaker}
            max={limits.maxSecondsPerSpeaker}
            value={String(step.round.secondsPerSpeaker)}
            onChange={(_event, data) => onChange({ round: { secondsPerSpeaker: Number(data.value) || 0 } })}
          />
        </Field>
      )}
      <Field validationMessage={errorFor("pulse")}>
        <Checkbox
          label={text.templateStepPulse}
          checked={Boolean(step.pulse)}
          onChange={(_event, data) => onChange({ pulse: Boolean(data.checked) })}
        />
      </Field>
      <Field label={text.templateStepNotes} validationMessage={errorFor("facilitatorNotes")}>
        <Textarea
          value={step.facilitatorNotes ?? ""}
          maxLength={limits.facilitatorNotesMaxLength}
          onChange={(_event, data) => onChange({ facilitatorNotes: data.value })}
        />
      </Field>
      <TypedCrisisNotice texts={[step.title, step.prompt, step.facilitatorNotes]} testId="template-step-crisis" />
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button size="small" disabled={number === 1} onClick={() => onMove(-1)}>
          {formatMessage("templateMoveUp", numberLabel)}
        </Button>
        <Button size="small" disabled={number === count} onClick={() => onMove(1)}>
          {formatMessage("templateMoveDown", numberLabel)}
        </Button>
        <Button size="small" disabled={count <= limits.minSteps} onClick={onRemove}>
          {formatMessage("templateRemoveStep", numberLabel)}
        </Button>
      </div>
    </section>
  );
}
