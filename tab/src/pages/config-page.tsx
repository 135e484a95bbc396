import { Text, Title3 } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { TemplatePicker } from "../huddles/template-picker.js";
import { useTemplateList } from "../huddles/use-template-list.js";
import { TAB_MESSAGES_EN as text } from "../i18n/messages.js";
import type { Session } from "../session.js";
import { configureTabSave } from "../teams/teams-host.js";

/** The configurable tab's settings: pick the huddle template; Teams' Save turns on once one is picked. */
export function ConfigPage({ session }: { session: Session }) {
  const [templateId, setTemplateId] = useState<string>();
  const { templates } = useTemplateList(session);
  useEffect(() => configureTabSave(templateId, text.appName), [templateId]);
  return (
    <section aria-labelledby="config-title" style={{ display: "grid", gap: 8 }}>
      <Title3 id="config-title">{text.configTitle}</Title3>
      <Text>{text.configBody}</Text>
      <TemplatePicker templates={templates} templateId={templateId} onChange={setTemplateId} required />
    </section>
  );
}
