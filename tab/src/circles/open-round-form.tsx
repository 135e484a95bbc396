import { Button, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Subtitle1 } from "@fluentui/react-components";
import { useId, useRef, useState } from "react";
import { CIRCLE_PROGRAMME_LIMITS as limits, openRoundSchema, type OpenRoundInput } from "../../../shared/circles/circle-programme.js";
import { CIRCLE_RECURRENCE_LIMITS, type CircleCadence, type SessionViewer, type Weekday } from "../../../shared/circles/circle-schedule.js";
import { addDays, utcToZoned } from "../../../shared/zoned-time.js";
import type { Messages, TabMessageKey } from "../i18n/messages.js";
import { useMessages } from "../i18n/use-messages.js";
import { weekdayName } from "./circle-format.js";
import { TimeZoneField } from "./time-zone-field.js";

/** Number fields stay as typed, so clearing one to retype it does not snap it to 0. */
interface SlotDraft {
  id: string;
  weekday: Weekday;
  localTime: string;
  durationMinutes: string;
  timeZone: string;
}

interface RoundDraft {
  name: string;
  topic: string;
  closesOn: string;
  startsOn: string;
  groupMin: string;
  groupMax: string;
  cadence: CircleCadence;
  slots: SlotDraft[];
  /** Empty means the circles run until an admin re-forms them. */
  sessionsBeforeReform?: string;
}

/** Monday first, as most programmes plan their week. */
const WEEKDAY_ORDER: readonly Weekday[] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

const FIELD_LABELS: Record<string, TabMessageKey> = {
  name: "openRoundName",
  topic: "openRoundTopic",
  closesOn: "openRoundClosesOn",
  startsOn: "openRoundStartsOn",
  "groupSize.min": "openRoundGroupMin",
  "groupSize.max": "openRoundGroupMax",
  cadence: "openRoundCadence",
  slots: "openRoundSlots",
  sessionsBeforeReform: "openRoundReformAfter",
};

function inputFrom(draft: RoundDraft): unknown {
  return {
    name: draft.name,
    ...(draft.topic.trim() ? { topic: draft.topic } : {}),
    closesOn: draft.closesOn,
    startsOn: draft.startsOn,
    groupSize: { min: Number(draft.groupMin), max: Number(draft.groupMax) },
    cadence: draft.cadence,
    slots: draft.slots.map((slot) => ({ ...slot, durationMinutes: Number(slot.durationMinutes) })),
    ...(draft.sessionsBeforeReform?.trim() ? { sessionsBeforeReform: Number(draft.sessionsBeforeReform) } : {}),
  };
}

function firstProblem({ text, formatMessage }: Messages, draft: RoundDraft): { path: string; label: string; message: string } | undefined {
  const parsed = openRoundSchema.safeParse(inputFrom(draft));
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.join(".");
  const slot = /^slots\.(\d+)/.exec(path);
  const label = slot
    ? formatMessage("openRoundSlotHeading", { number: String(Number(slot[1]) + 1) })
    : text[FIELD_LABELS[path] ?? "openRoundSlots"];
  return { path, label, message: issue.message };
}

/**
 * The admin's form for a new sign-up round, checked with the server's own schema so "Open the
 * round" is offered only for a round the server will accept. Loaded on demand: the schema brings zod.
 */
export function OpenRoundForm({
  viewer,
  saving,
  onSubmit,
  onCancel,
}: {
  viewer: SessionViewer;
  saving: boolean;
  onSubmit: (input: OpenRoundInput) => void;
  onCancel: () => void;
}) {
  const messages = useMessages();
  const { text, formatMessage } = messages;
  const slotDraft = (id: string): SlotDraft => ({
    id,
    weekday: "TU",
    localTime: "12:00",
    durationMinutes: "60",
    timeZone: viewer.timeZone,
  });
  /** How many slots the form has made: the first comes with the draft, "Add a slot" numbers the next. */
  const slotCount = useRef(1);
  const newSlot = () => slotDraft(`slot-${++slotCount.current}`);
  const [draft, setDraft] = useState<RoundDraft>(() => {
    // Sensible first dates in the admin's own calendar: a week to sign up, circles the week after.
    const today = utcToZoned(new Date(), viewer.timeZone).localDate;
    return {
      name: "",
      topic: "",
      closesOn: addDays(today, 7),
      startsOn: addDays(today, 14),
      groupMin: "4",
      groupMax: "6",
      cadence: "weekly",
      slots: [slotDraft("slot-1")],
    };
  });
  const [touched, setTouched] = useState(false);
  const titleId = useId();
  const problem = firstProblem(messages, draft);
  const errorFor = (path: string) => (touched && problem?.path === path ? problem.message : null);
  const change = (next: Partial<RoundDraft>) => {
    setTouched(true);
    setDraft((current) => ({ ...current, ...next }));
  };
  const changeSlot = (index: number, next: Partial<SlotDraft>) =>
    change({ slots: draft.slots.map((slot, position) => (position === index ? { ...slot, ...next } : slot)) });

  return (
    <form
      aria-labelledby={titleId}
      data-testid="open-round-form"
      style={{ display: "grid", gap: 12, maxWidth: 720 }}
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        const parsed = openRoundSchema.safeParse(inputFrom(draft));
        if (parsed.success) onSubmit(parsed.data);
      }}
    >
      <Subtitle1 as="h3" id={titleId} style={{ margin: 0 }}>
        {text.openRoundTitle}
      </Subtitle1>
      <Field label={text.openRoundName} required validationMessage={errorFor("name")}>
        <Input value={draft.name} maxLength={limits.roundNameMaxLength} onChange={(_event, data) => change({ name: data.value })} />
      </Field>
      <Field label={text.openRoundTopic} validationMessage={errorFor("topic")}>
        <Input value={draft.topic} maxLength={limits.topicMaxLength} onChange={(_event, data) => change({ topic: data.value })} />
      </Field>
      <div style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
        <Field label={text.openRoundClosesOn} required validationMessage={errorFor("closesOn")}>
          <Input type="date" value={draft.closesOn} onChange={(_event, data) => change({ closesOn: data.value })} />
        </Field>
        <Field label={text.openRoundStartsOn} required validationMessage={errorFor("startsOn")}>
          <Input type="date" value={draft.startsOn} onChange={(_event, data) => change({ startsOn: data.value })} />
        </Field>
      </div>
      <div style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
        <Field label={text.openRoundGroupMin} required validationMessage={errorFor("groupSize.min")}>
          <Input
            type="number"
            min={limits.minGroupSize}
            max={limits.maxGroupSize}
            value={draft.groupMin}
            onChange={(_event, data) => change({ groupMin: data.value })}
          />
        </Field>
        <Field label={text.openRoundGroupMax} required validationMessage={errorFor("groupSize.max")}>
          <Input
            type="number"
            min={limits.minGroupSize}
            max={limits.maxGroupSize}
            value={draft.groupMax}
            onChange={(_event, data) => change({ groupMax: data.value })}
          />
        </Field>
      </div>
      <Field label={text.openRoundCadence} required>
        <RadioGroup layout="horizontal" value={draft.cadence} onChange={(_event, data) => change({ cadence: data.value as CircleCadence })}>
          <Radio value="weekly" label={text.openRoundWeekly} />
          <Radio value="fortnightly" label={text.openRoundFortnightly} />
        </RadioGroup>
      </Field>
      <Field label={text.openRoundReformAfter} hint={text.openRoundReformHint} validationMessage={errorFor("sessionsBeforeReform")}>
        <Input
          type="number"
          min={1}
          max={52}
          value={draft.sessionsBeforeReform ?? ""}
          onChange={(_event, data) => change({ sessionsBeforeReform: data.value })}
        />
      </Field>
      <fieldset style={{ border: "none", margin: 0, padding: 0, display: "grid", gap: 16 }}>
        <legend style={{ fontWeight: 600, paddingBottom: 8 }}>{text.openRoundSlots}</legend>
        {draft.slots.map((slot, index) => (
          <SlotFields
            key={slot.id}
            slot={slot}
            number={index + 1}
            locale={viewer.locale}
            canRemove={draft.slots.length > 1}
            errorFor={(field) => errorFor(`slots.${index}.${field}`)}
            onChange={(next) => changeSlot(index, next)}
            onRemove={() => change({ slots: draft.slots.filter((_slot, position) => position !== index) })}
          />
        ))}
        <div>
          <Button disabled={draft.slots.length >= limits.maxSlots} onClick={() => change({ slots: [...draft.slots, newSlot()] })}>
            {text.openRoundAddSlot}
          </Button>
        </div>
      </fieldset>
      {touched && problem && (
        <MessageBar intent="warning" data-testid="open-round-problem">
          <MessageBarBody>{formatMessage("openRoundInvalid", { detail: `${problem.label}: ${problem.message}` })}</MessageBarBody>
        </MessageBar>
      )}
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button appearance="primary" type="submit" disabled={Boolean(problem) || saving}>
          {text.openRoundSubmit}
        </Button>
        <Button onClick={onCancel}>{text.openRoundCancel}</Button>
      </div>
    </form>
  );
}

function SlotFields({
  slot,
  number,
  locale,
  canRemove,
  errorFor,
  onChange,
  onRemove,
}: {
  slot: SlotDraft;
  number: number;
  locale: string;
  canRemove: boolean;
  errorFor: (field: string) => string | null;
  onChange: (next: Partial<SlotDraft>) => void;
  onRemove: () => void;
}) {
  const { text, formatMessage } = useMessages();
  const heading = formatMessage("openRoundSlotHeading", { number: String(number) });
  return (
    <section aria-label={heading} data-testid="slot-fields" style={{ display: "grid", gap: 8 }}>
      <strong>{heading}</strong>
      <div style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
        <Field label={text.openRoundWeekday} validationMessage={errorFor("weekday")}>
          <Select value={slot.weekday} onChange={(_event, data) => onChange({ weekday: data.value as Weekday })}>
            {WEEKDAY_ORDER.map((weekday) => (
              <option key={weekday} value={weekday}>
                {weekdayName(weekday, locale)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={text.openRoundLocalTime} validationMessage={errorFor("localTime")}>
          <Input type="time" value={slot.localTime} onChange={(_event, data) => onChange({ localTime: data.value })} />
        </Field>
        <Field label={text.openRoundDuration} validationMessage={errorFor("durationMinutes")}>
          <Input
            type="number"
            min={CIRCLE_RECURRENCE_LIMITS.minDurationMinutes}
            max={CIRCLE_RECURRENCE_LIMITS.maxDurationMinutes}
            step={5}
            value={slot.durationMinutes}
            onChange={(_event, data) => onChange({ durationMinutes: data.value })}
          />
        </Field>
      </div>
      <TimeZoneField
        label={text.openRoundTimeZone}
        value={slot.timeZone}
        onChange={(timeZone) => onChange({ timeZone })}
        validationMessage={errorFor("timeZone")}
      />
      <div>
        <Button size="small" disabled={!canRemove} onClick={onRemove}>
          {formatMessage("openRoundRemoveSlot", { number: String(number) })}
        </Button>
      </div>
    </section>
  );
}
