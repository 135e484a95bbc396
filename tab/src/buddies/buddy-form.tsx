import { Button, Field, Input, MessageBar, MessageBarBody, Select, Subtitle2, Textarea } from "@fluentui/react-components";
import { useId, useState } from "react";
import {
  BUDDY_LIMITS as limits,
  buddyOfferSchema,
  buddyRequestSchema,
  type BuddyOfferInput,
  type BuddyRequestInput,
} from "../../../shared/circles/buddy-programme.js";
import type { SessionViewer, Weekday } from "../../../shared/circles/circle-schedule.js";
import { TimeZoneField } from "../circles/time-zone-field.js";
import { TypedCrisisNotice } from "../components/typed-crisis-notice.js";
import { type TabMessageKey } from "../i18n/messages.js";
import { useMessages } from "../i18n/use-messages.js";
import { daysAndHours, windowsOf } from "./buddy-format.js";
import { BuddyWindowFields } from "./buddy-window-fields.js";

export type BuddyFormProps =
  | { kind: "offer"; initial?: BuddyOfferInput | undefined; onSubmit: (input: BuddyOfferInput) => void }
  | { kind: "request"; initial?: BuddyRequestInput | undefined; onSubmit: (input: BuddyRequestInput) => void };

/** The form as typed: lists are free text until they are split for the schema. */
interface Draft {
  timeZone: string;
  days: Weekday[];
  hours: string[];
  team: string;
  capacity: number;
  manager: string;
  avoid: string;
}

const PROBLEM_KEYS: Record<string, TabMessageKey> = {
  timeZone: "signUpProblem_timeZone",
  windows: "buddyProblem_windows",
  capacity: "buddyProblem_capacity",
  team: "signUpProblem_team",
  avoid: "signUpProblem_avoid",
  managerId: "signUpProblem_managerId",
};

const listOf = (value: string) =>
  value
    .split(/[\n,;]/)
    .map((item) => item.trim())
    .filter(Boolean);

function draftFrom(props: BuddyFormProps, timeZone: string): Draft {
  const initial = props.initial;
  const request = props.kind === "request" ? props.initial : undefined;
  return {
    timeZone: initial?.timeZone ?? timeZone,
    ...(initial ? daysAndHours(initial.windows) : { days: [], hours: [] }),
    team: initial?.team ?? "",
    capacity: props.kind === "offer" ? (props.initial?.capacity ?? limits.defaultCapacity) : limits.defaultCapacity,
    manager: request?.managerId ?? "",
    avoid: request?.avoid.join("\n") ?? "",
  };
}

/** Blank optional answers are left out, as the schema expects, rather than sent as empty strings. */
function inputFrom(kind: BuddyFormProps["kind"], draft: Draft): unknown {
  const common = {
    timeZone: draft.timeZone.trim(),
    windows: windowsOf(draft.days, draft.hours),
    ...(draft.team.trim() ? { team: draft.team.trim() } : {}),
  };
  if (kind === "offer") return { ...common, capacity: draft.capacity };
  return { ...common, avoid: listOf(draft.avoid), ...(draft.manager.trim() ? { managerId: draft.manager.trim() } : {}) };
}

/**
 * Offering to be a buddy, or asking for one. It checks the answers with the schema the server uses,
 * so the button is offered only for answers the server will accept. Loaded on demand: the schema brings zod.
 */
export function BuddyForm(props: BuddyFormProps & { viewer: SessionViewer; saving: boolean; onCancel: () => void }) {
  const { text } = useMessages();
  const { kind, viewer, saving, onCancel } = props;
  const [draft, setDraft] = useState<Draft>(() => draftFrom(props, viewer.timeZone));
  const [touched, setTouched] = useState(false);
  const titleId = useId();
  const parsed = (kind === "offer" ? buddyOfferSchema : buddyRequestSchema).safeParse(inputFrom(kind, draft));
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  const problemField = issue ? String(issue.path[0] ?? "") : undefined;
  const problemText = issue ? (PROBLEM_KEYS[problemField ?? ""] ? text[PROBLEM_KEYS[problemField ?? ""]!] : issue.message) : null;
  const errorFor = (field: string) => (touched && problemField === field ? problemText : null);
  const change = (next: Partial<Draft>) => {
    setTouched(true);
    setDraft((current) => ({ ...current, ...next }));
  };
  const submit = () => {
    if (!parsed.success) return;
    if (props.kind === "offer") props.onSubmit(parsed.data as BuddyOfferInput);
    else props.onSubmit(parsed.data as BuddyRequestInput);
  };

  return (
    <form
      aria-labelledby={titleId}
      data-testid={`buddy-${kind}-form`}
      style={{ display: "grid", gap: 12, maxWidth: 640, minWidth: 0 }}
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        submit();
      }}
    >
      <Subtitle2 as="h3" id={titleId} style={{ margin: 0 }}>
        {kind === "offer" ? text.buddyOfferTitle : text.buddyRequestTitle}
      </Subtitle2>
      <TimeZoneField
        label={text.buddyTimeZone}
        value={draft.timeZone}
        onChange={(timeZone) => change({ timeZone })}
        validationMessage={errorFor("timeZone")}
      />
      <BuddyWindowFields
        days={draft.days}
        hours={draft.hours}
        locale={viewer.locale}
        error={errorFor("windows")}
        onChange={(next) => change(next)}
      />
      {kind === "offer" && (
        <Field label={text.buddyCapacity} hint={text.buddyCapacityHint} validationMessage={errorFor("capacity")}>
          <Select value={String(draft.capacity)} onChange={(_event, data) => change({ capacity: Number(data.value) })}>
            {Array.from({ length: limits.maxCapacity - limits.minCapacity + 1 }, (_unused, index) => index + limits.minCapacity).map(
              (count) => (
                <option key={count} value={count}>
                  {count}
                </option>
              ),
            )}
          </Select>
        </Field>
      )}
      <Field label={text.buddyTeam} hint={text.buddyTeamHint} validationMessage={errorFor("team")}>
        <Input value={draft.team} maxLength={limits.teamMaxLength} onChange={(_event, data) => change({ team: data.value })} />
      </Field>
      {kind === "request" && (
        <fieldset style={{ border: "none", margin: 0, padding: 0, display: "grid", gap: 12 }}>
          <legend style={{ fontWeight: 600, paddingBottom: 8 }}>{text.buddyPrivateHeading}</legend>
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{text.buddyPrivacy}</MessageBarBody>
          </MessageBar>
          <Field label={text.buddyManager} hint={text.buddyManagerHint} validationMessage={errorFor("managerId")}>
            <Input value={draft.manager} onChange={(_event, data) => change({ manager: data.value })} />
          </Field>
          <Field label={text.buddyAvoid} hint={text.buddyAvoidHint} validationMessage={errorFor("avoid")}>
            <Textarea value={draft.avoid} resize="vertical" onChange={(_event, data) => change({ avoid: data.value })} />
          </Field>
          <TypedCrisisNotice texts={[draft.team, draft.avoid]} locale={viewer.locale} testId="buddy-avoid-crisis" />
        </fieldset>
      )}
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button appearance="primary" type="submit" disabled={!parsed.success || saving}>
          {props.initial ? text.buddySave : kind === "offer" ? text.buddySubmitOffer : text.buddySubmitRequest}
        </Button>
        <Button onClick={onCancel}>{text.buddyCancel}</Button>
      </div>
    </form>
  );
}
