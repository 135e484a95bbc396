import { Dropdown, Field, makeStyles, Option, Radio, RadioGroup, Switch, Text, Textarea, tokens } from "@fluentui/react-components";
import {
  CHOSEN_URGENCIES,
  CONTACT_METHODS,
  MAX_REQUEST_TEXT,
  REQUEST_CATEGORIES,
  SUPPORTER_PREFERENCES,
  type RequestForm,
} from "../../../shared/requests/help-request.js";
import type { DirectoryEntry } from "../../../shared/supporters/supporter-profile.js";
import { TypedCrisisNotice } from "../components/typed-crisis-notice.js";
import { useMessages } from "../i18n/use-messages.js";

/** The form as it is being filled in: nothing chosen yet for the two questions that have no sensible default. */
export interface RequestDraft {
  category?: RequestForm["category"];
  urgency?: RequestForm["urgency"];
  preference: RequestForm["preference"];
  preferredSupporterId?: string;
  contact: RequestForm["contact"];
  text: string;
  shareName: boolean;
}

export const EMPTY_DRAFT: RequestDraft = { preference: "any", contact: "chat", text: "", shareName: false };

/** The draft as the API's form, or the fields still to answer. */
export function formOf(draft: RequestDraft): { form: RequestForm } | { missing: ("category" | "urgency" | "preferredSupporterId")[] } {
  const missing = [
    ...(draft.category ? [] : (["category"] as const)),
    ...(draft.urgency ? [] : (["urgency"] as const)),
    ...(draft.preference === "specific" && !draft.preferredSupporterId ? (["preferredSupporterId"] as const) : []),
  ];
  if (missing.length > 0 || !draft.category || !draft.urgency) return { missing };
  const text = draft.text.trim();
  return {
    form: {
      category: draft.category,
      urgency: draft.urgency,
      preference: draft.preference,
      ...(draft.preference === "specific" && draft.preferredSupporterId ? { preferredSupporterId: draft.preferredSupporterId } : {}),
      contact: draft.contact,
      ...(text ? { text } : {}),
      shareName: draft.shareName,
    },
  };
}

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalM, minWidth: 0 },
  note: { color: tokens.colorNeutralForeground2 },
});

/**
 * The bot's request form (flow A.1) for the tab: the same questions, the same words about who sees
 * what, and the free text screened for crisis language as it is typed, before anything is sent.
 */
export function RequestFormFields({
  draft,
  onChange,
  supporters,
  missing,
  locale,
}: {
  draft: RequestDraft;
  onChange: (draft: RequestDraft) => void;
  /** Supporters who chose to be offered by name; "a specific peer supporter" is only offered when there is one. */
  supporters: readonly DirectoryEntry[];
  missing: readonly string[];
  locale: string;
}) {
  const { text, labelFor } = useMessages();
  const styles = useStyles();
  const set = (change: Partial<RequestDraft>) => onChange({ ...draft, ...change });
  const preferences = SUPPORTER_PREFERENCES.filter((preference) => preference !== "specific" || supporters.length > 0);
  const chosen = supporters.find((supporter) => supporter.userId === draft.preferredSupporterId);
  return (
    <div className={styles.form}>
      <Text>{text.talkIntro}</Text>
      <Text className={styles.note}>{text.talkWhoSees}</Text>
      <Field label={text.talkCategory} required validationMessage={missing.includes("category") ? text.talkChooseOne : null}>
        <RadioGroup
          value={draft.category ?? ""}
          onChange={(_event, data) => set({ category: data.value as RequestForm["category"] })}
          data-testid="talk-category"
        >
          {REQUEST_CATEGORIES.map((category) => (
            <Radio key={category} value={category} label={labelFor("category", category)} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={text.talkUrgency} required validationMessage={missing.includes("urgency") ? text.talkChooseOne : null}>
        <RadioGroup
          value={draft.urgency ?? ""}
          onChange={(_event, data) => set({ urgency: data.value as RequestForm["urgency"] })}
          data-testid="talk-urgency"
        >
          {CHOSEN_URGENCIES.map((urgency) => (
            <Radio key={urgency} value={urgency} label={urgency === "can_wait" ? text.talkUrgencyCanWait : labelFor("urgency", urgency)} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={text.talkPreference}>
        <RadioGroup
          value={draft.preference}
          onChange={(_event, data) => set({ preference: data.value as RequestForm["preference"] })}
          data-testid="talk-preference"
        >
          {preferences.map((preference) => (
            <Radio key={preference} value={preference} label={text[`preference_${preference}`]} />
          ))}
        </RadioGroup>
      </Field>
      {draft.preference === "specific" && (
        <Field
          label={text.talkPreferredSupporter}
          required
          validationMessage={missing.includes("preferredSupporterId") ? text.talkChooseSupporter : null}
        >
          <Dropdown
            value={chosen?.displayName ?? ""}
            selectedOptions={draft.preferredSupporterId ? [draft.preferredSupporterId] : []}
            onOptionSelect={(_event, data) => set({ ...(data.optionValue ? { preferredSupporterId: data.optionValue } : {}) })}
          >
            {supporters.map((supporter) => (
              <Option key={supporter.userId} value={supporter.userId}>
                {supporter.displayName}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Field label={text.talkContact}>
        <RadioGroup
          value={draft.contact}
          onChange={(_event, data) => set({ contact: data.value as RequestForm["contact"] })}
          layout="horizontal"
          data-testid="talk-contact"
        >
          {CONTACT_METHODS.map((contact) => (
            <Radio key={contact} value={contact} label={labelFor("contact", contact)} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={text.talkText} hint={text.talkTextHint}>
        <Textarea
          value={draft.text}
          maxLength={MAX_REQUEST_TEXT}
          resize="vertical"
          onChange={(_event, data) => set({ text: data.value })}
          data-testid="talk-text"
        />
      </Field>
      {/* Screened here in the browser as it is typed: the crisis lines come before anything is sent. */}
      <TypedCrisisNotice texts={draft.text} locale={locale} testId="talk-crisis-notice" />
      <Field hint={text.talkAnonymousNote}>
        <Switch checked={draft.shareName} label={text.talkShareName} onChange={(_event, data) => set({ shareName: data.checked })} />
      </Field>
      <Text className={styles.note}>{text.talkWhatNext}</Text>
    </div>
  );
}
