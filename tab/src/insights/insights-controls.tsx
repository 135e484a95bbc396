import { Button, Field, Input, Select, tokens } from "@fluentui/react-components";
import { useState, type CSSProperties, type FormEvent } from "react";
import { isIsoWeek, MAX_RANGE_WEEKS, weeksBetween } from "../../../shared/insights/iso-week.js";
import type { InsightsReport } from "../../../shared/insights/insights-report.js";
import type { InsightsQuery } from "../api/api-client.js";
import { useMessages } from "../i18n/use-messages.js";

// Side by side where there is room, one under another at 320 px.
const formStyle: CSSProperties = {
  display: "grid",
  gap: tokens.spacingHorizontalM,
  gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 11rem), 1fr))",
  alignItems: "end",
};

/** The weeks and request filters; figures reload only when the admin asks, not on every keystroke. */
export function InsightsControls({
  query,
  options,
  onChange,
}: {
  query: Required<Pick<InsightsQuery, "from" | "to">> & InsightsQuery;
  options: InsightsReport["options"];
  onChange(next: InsightsQuery & { from: string; to: string }): void;
}) {
  const { text, labelFor } = useMessages();
  const [from, setFrom] = useState(query.from);
  const [to, setTo] = useState(query.to);
  const [category, setCategory] = useState(query.category ?? "");
  const [urgency, setUrgency] = useState(query.urgency ?? "");
  const [invalid, setInvalid] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = isIsoWeek(from) && isIsoWeek(to) && from <= to && weeksBetween(from, to, MAX_RANGE_WEEKS + 1).length <= MAX_RANGE_WEEKS;
    setInvalid(!valid);
    if (valid) onChange({ from, to, ...(category ? { category } : {}), ...(urgency ? { urgency } : {}) });
  };

  const rangeMessage = invalid ? { validationMessage: text.insightsInvalidRange, validationState: "error" as const } : {};
  return (
    <form style={formStyle} onSubmit={submit} aria-label={text.insightsShow} noValidate>
      <Field label={text.insightsFrom} {...rangeMessage}>
        <Input type="week" value={from} onChange={(_event, data) => setFrom(data.value)} placeholder="2026-W01" />
      </Field>
      <Field label={text.insightsTo}>
        <Input type="week" value={to} onChange={(_event, data) => setTo(data.value)} placeholder="2026-W12" />
      </Field>
      <Field label={text.insightsCategory} hint={text.insightsFiltersNote}>
        <Select value={category} onChange={(_event, data) => setCategory(data.value)}>
          <option value="">{text.insightsAny}</option>
          {options.categories.map((value) => (
            <option key={value} value={value}>
              {labelFor("category", value)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={text.insightsUrgency}>
        <Select value={urgency} onChange={(_event, data) => setUrgency(data.value)}>
          <option value="">{text.insightsAny}</option>
          {options.urgencies.map((value) => (
            <option key={value} value={value}>
              {labelFor("urgency", value)}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button type="submit" appearance="primary">
          {text.insightsShow}
        </Button>
      </div>
    </form>
  );
}
