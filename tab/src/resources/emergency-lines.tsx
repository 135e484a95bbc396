import { Field, Select, Text, Title2, tokens } from "@fluentui/react-components";
import { useEffect, useId } from "react";
import { byCountry } from "../../../shared/resources/crisis-lines.js";
import type { Resource } from "../../../shared/resources/resource-catalogue.js";
import { useMessages } from "../i18n/use-messages.js";
import { ContactActions } from "./contact-actions.js";
import { availabilityText, countryName } from "./resource-format.js";

/** The countries a person can choose: every one a line serves, plus their own even if none does. */
function countryChoices(lines: readonly Resource[], own: string | undefined, locale: string): { code: string; name: string }[] {
  const codes = new Set(lines.flatMap((line) => line.countries));
  if (own) codes.add(own);
  return [...codes].map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale));
}

/**
 * The emergency block at the top of Resources: the tenant's crisis lines (the defaults until they
 * load, so it is never empty), the chosen country's lines first. Links to "#emergency" land here.
 */
export function EmergencyLines({
  lines,
  country,
  ownCountry,
  locale,
  onCountryChange,
}: {
  lines: readonly Resource[];
  country: string | undefined;
  ownCountry: string | undefined;
  locale: string;
  onCountryChange: (country: string | undefined) => void;
}) {
  const messages = useMessages();
  const { text } = messages;
  const headingId = useId();
  useEffect(() => {
    // The page arrives after the browser has looked for the anchor, so it is honoured here.
    if (location.hash !== "#emergency") return;
    const heading = document.getElementById(headingId);
    heading?.scrollIntoView({ block: "start" });
    heading?.focus();
  }, [headingId]);
  const ordered = byCountry(country, lines);
  return (
    <section
      id="emergency"
      aria-labelledby={headingId}
      data-testid="crisis-lines"
      style={{
        display: "grid",
        gap: 12,
        padding: 16,
        borderRadius: tokens.borderRadiusMedium,
        border: `${tokens.strokeWidthThick} solid ${tokens.colorStatusWarningBorder1}`,
        background: tokens.colorNeutralBackground1,
      }}
    >
      <Title2 as="h2" id={headingId} tabIndex={-1}>
        {text.crisisLinesTitle}
      </Title2>
      <Text>{text.crisisLinesIntro}</Text>
      <Field label={text.crisisLinesCountry} style={{ maxWidth: 320 }}>
        <Select data-testid="crisis-country" value={country ?? ""} onChange={(_event, data) => onCountryChange(data.value || undefined)}>
          {countryChoices(lines, ownCountry, locale).map((choice) => (
            <option key={choice.code} value={choice.code}>
              {choice.name}
            </option>
          ))}
          <option value="">{text.crisisLinesAnyCountry}</option>
        </Select>
      </Field>
      <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: 12 }}>
        {ordered.map((line) => (
          <li key={line.id} data-testid="crisis-line" style={{ display: "grid", gap: 4 }}>
            <Text weight="semibold" size={400}>
              {line.title}
            </Text>
            <Text>{line.description}</Text>
            {availabilityText(messages, line.availability, locale) && (
              <Text size={200}>{availabilityText(messages, line.availability, locale)}</Text>
            )}
            <ContactActions contacts={line.contacts} />
          </li>
        ))}
      </ul>
    </section>
  );
}
