import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Text, Subtitle2, Textarea, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import {
  CIRCLE_PROGRAMME_LIMITS as limits,
  signUpSchema,
  type RoundSummary,
  type SignUpInput,
} from "../../../shared/circles/circle-programme.js";
import type { SessionViewer } from "../../../shared/circles/circle-schedule.js";
import { TypedCrisisNotice } from "../components/typed-crisis-notice.js";
import { type TabMessageKey } from "../i18n/messages.js";
import { useMessages } from "../i18n/use-messages.js";
import { slotHomeText, slotsInDateOrder, slotText } from "./circle-format.js";
import { TimeZoneField } from "./time-zone-field.js";

/** The form as typed: lists are free text until they are split for the schema. */
interface Draft {
  timeZone: string;
  windows: string[];
  interests: string;
  team: string;
  avoid: string;
  manager: string;
}

const PROBLEM_KEYS: Record<string, TabMessageKey> = {
  timeZone: "signUpProblem_timeZone",
  windows: "signUpProblem_windows",
  interests: "signUpProblem_interests",
  team: "signUpProblem_team",
  avoid: "signUpProblem_avoid",
  managerId: "signUpProblem_managerId",
};

function draftFrom(initial: SignUpInput | undefined, timeZone: string): Draft {
  return {
    timeZone: initial?.timeZone ?? timeZone,
    windows: initial?.windows ?? [],
    interests: initial?.interests.join(", ") ?? "",
    team: initial?.team ?? "",
    avoid: initial?.avoid.join("\n") ?? "",
    manager: initial?.managerId ?? "",
  };
}

const listOf = (value: string, separator: RegExp) =>
  value
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);

/** Blank optional answers are left out, as the schema expects, rather than sent as empty strings. */
function inputFrom(draft: Draft): unknown {
  return {
    timeZone: draft.timeZone.trim(),
    windows: draft.windows,
    interests: listOf(draft.interests, /,/),
    avoid: listOf(draft.avoid, /[\n,;]/),
    ...(draft.team.trim() ? { team: draft.team.trim() } : {}),
    ...(draft.manager.trim() ? { managerId: draft.manager.trim() } : {}),
  };
}

/**
 * Signing up for one round. It checks the answers with the schema the server uses, so the button
 * is offered only for answers the server will accept. Loaded on demand: the schema brings zod.
 */
export function SignUpForm({
  round,
  initial,
  viewer,
  saving,
  onSubmit,
  onCancel,
}: {
  round: RoundSummary;
  initial?: SignUpInput | undefined;
  viewer: SessionViewer;
  saving: boolean;
  onSubmit: (input: SignUpInput) => void;
  onCancel: () => void;
}) {
  const messages = useMessages();
  const { text, formatMessage } = messages;
  const [draft, setDraft] = useState<Draft>(() => draftFrom(initial, viewer.timeZone));
  const [touched, setTouched] = useState(false);
  const titleId = useId();
  const parsed = signUpSchema.safeParse(inputFrom(draft));
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  const problemField = issue ? String(issue.path[0] ?? "") : undefined;
  const problemText = issue ? (PROBLEM_KEYS[problemField ?? ""] ? text[PROBLEM_KEYS[problemField ?? ""]!] : issue.message) : null;
  const errorFor = (field: string) => (touched && problemField === field ? problemText : null);
  const change = (next: Partial<Draft>) => {
    setTouched(true);
    setDraft((current) => ({ ...current, ...next }));
  };
  const toggleWindow = (slotId: string, checked: boolean) =>
    change({ windows: checked ? [...draft.windows, slotId] : draft.windows.filter((id) => id !== slotId) });

  return (
    <form
      aria-labelledby={titleId}
      data-testid="sign-up-form"
      style={{ display: "grid", gap: 12, maxWidth: 640 }}
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (parsed.success) onSubmit(parsed.data);
      }}
    >
      <Subtitle2 as="h4" id={titleId} style={{ margin: 0 }}>
        {formatMessage("signUpTitle", { name: round.name })}
      </Subtitle2>
      <TimeZoneField
        label={text.signUpTimeZone}
        value={draft.timeZone}
        onChange={(timeZone) => change({ timeZone })}
        validationMessage={errorFor("timeZone")}
      />
      {/* A fieldset rather than a Field: a Field labels one control, and these are several. */}
      <fieldset style={{ border: "none", margin: 0, padding: 0, display: "grid", gap: 4 }} aria-describedby={`${titleId}-windows-hint`}>
        <legend style={{ fontWeight: 600, paddingBottom: 4 }}>{text.signUpWindows}</legend>
        <Text size={200} id={`${titleId}-windows-hint`}>
          {text.signUpWindowsHint}
        </Text>
        {slotsInDateOrder(round).map((slot) => (
          <Checkbox
            key={slot.id}
            data-slot-id={slot.id}
            checked={draft.windows.includes(slot.id)}
            onChange={(_event, data) => toggleWindow(slot.id, Boolean(data.checked))}
            label={
              <>
                {slotText(messages, round, slot, viewer)}
                <Text size={200} block>
                  {slotHomeText(messages, slot, viewer.locale)}
                </Text>
              </>
            }
          />
        ))}
        {errorFor("windows") && (
          <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
            {errorFor("windows")}
          </Text>
        )}
      </fieldset>
      <Field label={text.signUpInterests} hint={text.signUpInterestsHint} validationMessage={errorFor("interests")}>
        <Input value={draft.interests} onChange={(_event, data) => change({ interests: data.value })} />
      </Field>
      <TypedCrisisNotice texts={draft.interests} locale={viewer.locale} testId="sign-up-interests-crisis" />
      <Field label={text.signUpTeam} validationMessage={errorFor("team")}>
        <Input value={draft.team} maxLength={limits.teamMaxLength} onChange={(_event, data) => change({ team: data.value })} />
      </Field>
      <fieldset style={{ border: "none", margin: 0, padding: 0, display: "grid", gap: 12 }}>
        <legend style={{ fontWeight: 600, paddingBottom: 8 }}>{text.signUpPrivateHeading}</legend>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{text.signUpPrivacy}</MessageBarBody>
        </MessageBar>
        <Field label={text.signUpAvoid} hint={text.signUpAvoidHint} validationMessage={errorFor("avoid")}>
          <Textarea value={draft.avoid} resize="vertical" onChange={(_event, data) => change({ avoid: data.value })} />
        </Field>
        <TypedCrisisNotice texts={draft.avoid} locale={viewer.locale} testId="sign-up-avoid-crisis" />
        <Field label={text.signUpManager} hint={text.signUpManagerHint} validationMessage={errorFor("managerId")}>
          <Input value={draft.manager} onChange={(_event, data) => change({ manager: data.value })} />
        </Field>
      </fieldset>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button appearance="primary" type="submit" disabled={!parsed.success || saving}>
          {initial ? text.signUpSave : text.signUpSubmit}
        </Button>
        <Button onClick={onCancel}>{text.signUpCancel}</Button>
      </div>
    </form>
  );
}
