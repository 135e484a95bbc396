import { Button, Field, Input, MessageBar, MessageBarBody, Select, Textarea, Title2 } from "@fluentui/react-components";
import { useState } from "react";
import {
  RESOURCE_CATEGORIES,
  RESOURCE_CONTACT_KINDS,
  type Resource,
  type ResourceContactKind,
} from "../../../shared/resources/resource-catalogue.js";
import { RESOURCE_LIMITS as limits, resourceInputSchema, type ResourceInput } from "../../../shared/resources/resource-schema.js";
import { TimeZoneField } from "../circles/time-zone-field.js";
import { useMessages } from "../i18n/use-messages.js";
import { candidateOf, draftOf, type ResourceDraft } from "./resource-draft.js";
import { categoryLabel } from "./resource-format.js";

function firstProblem(draft: ResourceDraft): { path: string; message: string } | undefined {
  const parsed = resourceInputSchema.safeParse(candidateOf(draft));
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0]!;
  return { path: issue.path.join("."), message: issue.message };
}

/**
 * The admin's form for one resource, loaded only when an admin opens it (it brings zod). It checks
 * the draft with the server's own schema, so Save is offered only for what the server will accept.
 */
export function ResourceEditor({
  initial,
  timeZone,
  saving,
  onSave,
  onCancel,
}: {
  initial: Resource | undefined;
  timeZone: string;
  saving: boolean;
  onSave: (input: ResourceInput) => void;
  onCancel: () => void;
}) {
  const messages = useMessages();
  const { text, formatMessage } = messages;
  const [draft, setDraft] = useState<ResourceDraft>(() => draftOf(initial, timeZone));
  const [touched, setTouched] = useState(false);
  const problem = firstProblem(draft);
  const errorFor = (path: string) => (touched && problem?.path === path ? problem.message : null);
  const change = (next: Partial<ResourceDraft>) => {
    setTouched(true);
    setDraft((current) => ({ ...current, ...next }));
  };
  const changeContact = (index: number, next: Partial<ResourceDraft["contacts"][number]>) =>
    change({ contacts: draft.contacts.map((contact, position) => (position === index ? { ...contact, ...next } : contact)) });

  return (
    <form
      aria-labelledby="resource-editor-title"
      data-testid="resource-editor"
      style={{ display: "grid", gap: 12, maxWidth: 720 }}
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (!problem) onSave(resourceInputSchema.parse(candidateOf(draft)));
      }}
    >
      <Title2 as="h1" id="resource-editor-title">
        {draft.title || text.resourceEditorNew}
      </Title2>
      <Field label={text.resourceFieldTitle} required validationMessage={errorFor("title")}>
        <Input value={draft.title} maxLength={limits.titleMaxLength} onChange={(_event, data) => change({ title: data.value })} />
      </Field>
      <Field label={text.resourceFieldDescription} required validationMessage={errorFor("description")}>
        <Textarea
          value={draft.description}
          maxLength={limits.descriptionMaxLength}
          onChange={(_event, data) => change({ description: data.value })}
        />
      </Field>
      <Field label={text.resourceFieldCategory}>
        <Select value={draft.category} onChange={(_event, data) => change({ category: data.value as ResourceDraft["category"] })}>
          {RESOURCE_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {categoryLabel(messages, category)}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset style={{ border: "none", margin: 0, padding: 0, display: "grid", gap: 8 }}>
        <legend style={{ fontWeight: 600, paddingBottom: 4 }}>{text.resourceFieldContacts}</legend>
        {draft.contacts.map((contact, index) => {
          const number = { number: String(index + 1) };
          return (
            <div
              key={index}
              role="group"
              aria-label={formatMessage("resourceContactHeading", number)}
              style={{ display: "flex", gap: 8, flexWrap: "wrap", alignItems: "end" }}
            >
              <Field label={text.resourceContactKind}>
                <Select value={contact.kind} onChange={(_event, data) => changeContact(index, { kind: data.value as ResourceContactKind })}>
                  {RESOURCE_CONTACT_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {text[`resourceContactKind_${kind}` as const]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field
                label={text.resourceContactValue}
                validationMessage={errorFor(`contacts.${index}.value`)}
                style={{ flex: "1 1 200px" }}
              >
                <Input
                  value={contact.value}
                  maxLength={limits.urlMaxLength}
                  onChange={(_event, data) => changeContact(index, { value: data.value })}
                />
              </Field>
              <Button onClick={() => change({ contacts: draft.contacts.filter((_contact, position) => position !== index) })}>
                {formatMessage("resourceRemoveContact", number)}
              </Button>
            </div>
          );
        })}
        {errorFor("contacts") && (
          <MessageBar intent="warning">
            <MessageBarBody>{errorFor("contacts")}</MessageBarBody>
          </MessageBar>
        )}
        <div>
          <Button
            disabled={draft.contacts.length >= limits.maxContacts}
            onClick={() => change({ contacts: [...draft.contacts, { kind: "phone", value: "" }] })}
          >
            {text.resourceAddContact}
          </Button>
        </div>
      </fieldset>
      <AvailabilityFields draft={draft} change={change} errorFor={errorFor} />
      <Field label={text.resourceFieldCountries} hint={text.resourceFieldCountriesHint} validationMessage={errorFor("countries")}>
        <Input value={draft.countries} onChange={(_event, data) => change({ countries: data.value })} />
      </Field>
      <Field label={text.resourceFieldLanguages} hint={text.resourceFieldLanguagesHint} validationMessage={errorFor("languages")}>
        <Input value={draft.languages} onChange={(_event, data) => change({ languages: data.value })} />
      </Field>
      <Field label={text.resourceFieldTags} hint={text.resourceFieldTagsHint} validationMessage={errorFor("tags")}>
        <Input value={draft.tags} onChange={(_event, data) => change({ tags: data.value })} />
      </Field>
      <Field label={text.resourceFieldBody} validationMessage={errorFor("body")}>
        <Textarea value={draft.body} maxLength={limits.bodyMaxLength} rows={6} onChange={(_event, data) => change({ body: data.value })} />
      </Field>
      <Field label={text.resourceFieldSource} validationMessage={errorFor("source")}>
        <Input value={draft.source} maxLength={limits.sourceMaxLength} onChange={(_event, data) => change({ source: data.value })} />
      </Field>
      {touched && problem && (
        <MessageBar intent="warning" data-testid="resource-problem">
          <MessageBarBody>
            {formatMessage("resourceInvalid", { detail: `${problem.path || "resource"}: ${problem.message}` })}
          </MessageBarBody>
        </MessageBar>
      )}
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button appearance="primary" type="submit" disabled={Boolean(problem) || saving}>
          {text.resourceSave}
        </Button>
        <Button onClick={onCancel}>{text.resourcesCancel}</Button>
      </div>
    </form>
  );
}

function AvailabilityFields({
  draft,
  change,
  errorFor,
}: {
  draft: ResourceDraft;
  change: (next: Partial<ResourceDraft>) => void;
  errorFor: (path: string) => string | null;
}) {
  const { text } = useMessages();
  return (
    <div style={{ display: "grid", gap: 8 }}>
      <Field label={text.resourceFieldAvailability}>
        <Select
          value={draft.availability}
          onChange={(_event, data) => change({ availability: data.value as ResourceDraft["availability"] })}
        >
          {(["none", "always", "hours", "note"] as const).map((kind) => (
            <option key={kind} value={kind}>
              {text[`resourceAvailability_${kind}` as const]}
            </option>
          ))}
        </Select>
      </Field>
      {draft.availability === "hours" && (
        <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
          <Field label={text.resourceFieldDays}>
            <Select value={draft.days} onChange={(_event, data) => change({ days: data.value as ResourceDraft["days"] })}>
              <option value="weekdays">{text.resourceDays_weekdays}</option>
              <option value="every_day">{text.resourceDays_every_day}</option>
            </Select>
          </Field>
          <Field label={text.resourceFieldFrom} validationMessage={errorFor("availability.from")}>
            <Input value={draft.from} maxLength={5} onChange={(_event, data) => change({ from: data.value })} />
          </Field>
          <Field label={text.resourceFieldTo} validationMessage={errorFor("availability.to")}>
            <Input value={draft.to} maxLength={5} onChange={(_event, data) => change({ to: data.value })} />
          </Field>
          <TimeZoneField
            label={text.resourceFieldTimeZone}
            value={draft.timeZone}
            onChange={(timeZone) => change({ timeZone })}
            validationMessage={errorFor("availability.timeZone")}
          />
        </div>
      )}
      {draft.availability === "note" && (
        <Field label={text.resourceFieldNote} validationMessage={errorFor("availability.note")}>
          <Input value={draft.note} maxLength={limits.noteMaxLength} onChange={(_event, data) => change({ note: data.value })} />
        </Field>
      )}
    </div>
  );
}
