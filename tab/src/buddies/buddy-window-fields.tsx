import { Checkbox, Text, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { Weekday } from "../../../shared/circles/circle-schedule.js";
import { weekdayName } from "../circles/circle-format.js";
import { useMessages } from "../i18n/use-messages.js";
import { FORM_HOURS, FORM_WEEKDAYS, hourLabel } from "./buddy-format.js";

const fieldset = { border: "none", margin: 0, padding: 0, display: "grid", gap: 4 } as const;
const legend = { fontWeight: 600, paddingBottom: 4 } as const;
// Hours wrap into as many columns as fit, down to one column at 320 px.
const hourGrid = { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(7.5rem, 1fr))", gap: 0 } as const;

/** The days and hours someone can meet, as two groups of checkboxes: every hour ticked on every day ticked. */
export function BuddyWindowFields({
  days,
  hours,
  locale,
  error,
  onChange,
}: {
  days: readonly Weekday[];
  hours: readonly string[];
  locale: string;
  error?: string | null;
  onChange: (next: { days: Weekday[]; hours: string[] }) => void;
}) {
  const { text } = useMessages();
  const id = useId();
  const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] => (on ? [...list, item] : list.filter((entry) => entry !== item));
  return (
    <>
      <fieldset style={fieldset} data-testid="buddy-days">
        <legend style={legend}>{text.buddyDays}</legend>
        <div style={{ display: "flex", flexWrap: "wrap", columnGap: 8 }}>
          {FORM_WEEKDAYS.map((day) => (
            <Checkbox
              key={day}
              label={weekdayName(day, locale)}
              checked={days.includes(day)}
              onChange={(_event, data) => onChange({ days: toggle(days, day, Boolean(data.checked)), hours: [...hours] })}
            />
          ))}
        </div>
      </fieldset>
      <fieldset style={fieldset} aria-describedby={`${id}-hours-hint`} data-testid="buddy-hours">
        <legend style={legend}>{text.buddyHours}</legend>
        <Text size={200} id={`${id}-hours-hint`}>
          {text.buddyHoursHint}
        </Text>
        <div style={hourGrid}>
          {FORM_HOURS.map((hour) => (
            <Checkbox
              key={hour}
              label={hourLabel(hour, locale)}
              checked={hours.includes(hour)}
              onChange={(_event, data) => onChange({ days: [...days], hours: toggle(hours, hour, Boolean(data.checked)) })}
            />
          ))}
        </div>
      </fieldset>
      {error && (
        <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {error}
        </Text>
      )}
    </>
  );
}
