import { Button, Field, Input, tokens, Title3 } from "@fluentui/react-components";
import { useState, type CSSProperties, type FormEvent } from "react";
import type { InsightsSettings } from "../../../shared/insights/insights-report.js";
import type { ApiClient } from "../api/api-client.js";
import { Notice, type NoticeState } from "../circles/notice.js";
import { useMessages } from "../i18n/use-messages.js";

const formStyle: CSSProperties = {
  display: "grid",
  gap: tokens.spacingHorizontalM,
  gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 12rem), 1fr))",
  alignItems: "end",
};

/** What participation is a share of, and what it aims for; the server checks the same limits. */
export function InsightsSettingsForm({ api, settings, onSaved }: { api: ApiClient; settings: InsightsSettings; onSaved(): void }) {
  const { text, errorText } = useMessages();
  const [size, setSize] = useState(settings.programmeSize?.toString() ?? "");
  const [target, setTarget] = useState(settings.targetShare === undefined ? "" : String(Math.round(settings.targetShare * 1000) / 10));
  const [targetBy, setTargetBy] = useState(settings.targetBy ?? "");
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<NoticeState>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const programmeSize = Number(size);
    const targetShare = target.trim() === "" ? undefined : Number(target) / 100;
    if (!Number.isInteger(programmeSize) || programmeSize < 1 || (targetShare !== undefined && !(targetShare >= 0 && targetShare <= 1))) {
      setNotice({ intent: "error", message: text.insightsSettingsInvalid });
      return;
    }
    setSaving(true);
    setNotice(undefined);
    try {
      await api.saveInsightsSettings({
        programmeSize,
        ...(targetShare === undefined ? {} : { targetShare }),
        ...(targetBy ? { targetBy } : {}),
      });
      setNotice({ intent: "success", message: text.insightsSettingsSaved });
      onSaved();
    } catch (error) {
      setNotice({ intent: "error", message: errorText(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="insights-settings-title" style={{ display: "grid", gap: 12 }}>
      <Title3 as="h2" id="insights-settings-title">
        {text.insightsSettingsTitle}
      </Title3>
      {notice && <Notice {...notice} />}
      <form style={formStyle} onSubmit={(event) => void submit(event)} aria-labelledby="insights-settings-title" noValidate>
        <Field label={text.insightsProgrammeSize} hint={text.insightsProgrammeSizeHint} required>
          <Input type="number" min={1} inputMode="numeric" value={size} onChange={(_event, data) => setSize(data.value)} />
        </Field>
        <Field label={text.insightsTargetShare}>
          <Input type="number" min={0} max={100} value={target} onChange={(_event, data) => setTarget(data.value)} />
        </Field>
        <Field label={text.insightsTargetBy}>
          <Input type="date" value={targetBy} onChange={(_event, data) => setTargetBy(data.value)} />
        </Field>
        <div>
          <Button type="submit" disabled={saving}>
            {text.insightsSaveSettings}
          </Button>
        </div>
      </form>
    </section>
  );
}
