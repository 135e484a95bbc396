import { Combobox, Field, Input, Option } from "@fluentui/react-components";
import { useMemo } from "react";
import { useMessages } from "../i18n/use-messages.js";

/** Every IANA zone this browser knows; empty where Intl cannot list them, and the field falls back to typing. */
const ALL_ZONES: readonly string[] = (() => {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: "timeZone") => string[] };
  try {
    return intl.supportedValuesOf?.("timeZone") ?? [];
  } catch {
    return [];
  }
})();

/** Enough to pick from without rendering four hundred options on every keystroke. */
const MAX_MATCHES = 60;

/** Zones matching what was typed: "new york" finds America/New_York. A full zone name shows every zone to switch to. */
function matchingZones(query: string): readonly string[] {
  const wanted = query
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "_");
  if (!wanted || ALL_ZONES.includes(query)) return ALL_ZONES;
  return ALL_ZONES.filter((zone) => zone.toLowerCase().includes(wanted)).slice(0, MAX_MATCHES);
}

/** An IANA time zone, typed or picked from the list. The caller validates it with the schema. */
export function TimeZoneField({
  label,
  value,
  onChange,
  validationMessage = null,
}: {
  label: string;
  value: string;
  onChange: (timeZone: string) => void;
  validationMessage?: string | null;
}) {
  const { text } = useMessages();
  const matches = useMemo(() => matchingZones(value), [value]);
  return (
    <Field label={label} required validationMessage={validationMessage}>
      {ALL_ZONES.length === 0 ? (
        <Input value={value} onChange={(_event, data) => onChange(data.value)} />
      ) : (
        <Combobox
          freeform
          value={value}
          selectedOptions={ALL_ZONES.includes(value) ? [value] : []}
          onChange={(event) => onChange(event.target.value)}
          onOptionSelect={(_event, data) => data.optionValue && onChange(data.optionValue)}
          style={{ minWidth: 0, maxWidth: "100%" }}
        >
          {matches.length === 0 ? (
            <Option disabled value="" text="">
              {text.timeZoneNoMatch}
            </Option>
          ) : (
            matches.map((zone) => (
              <Option key={zone} value={zone}>
                {zone}
              </Option>
            ))
          )}
        </Combobox>
      )}
    </Field>
  );
}
