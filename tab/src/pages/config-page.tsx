import { Dropdown, Field, Option, Text, Title3 } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { BUILT_IN_TEMPLATES } from "../../../shared/index.js";
import { TAB_MESSAGES_EN as text } from "../i18n/messages.js";
import { configureTabSave } from "../teams/teams-host.js";

/** The configurable tab's settings: pick the huddle template; Teams' Save turns on once one is picked. */
export function ConfigPage() {
  const [templateId, setTemplateId] = useState<string>();
  useEffect(() => configureTabSave(templateId, text.appName), [templateId]);
  const chosen = BUILT_IN_TEMPLATES.find((template) => template.id === templateId);
  return (
    <section aria-labelledby="config-title" style={{ display: "grid", gap: 8 }}>
      <Title3 id="config-title">{text.configTitle}</Title3>
      <Text>{text.configBody}</Text>
      <Field label={text.huddleChooseTemplate} required hint={chosen?.description}>
        <Dropdown
          data-testid="template-picker"
          placeholder={text.configPickTemplate}
          value={chosen?.name ?? ""}
          selectedOptions={templateId ? [templateId] : []}
          onOptionSelect={(_event, data) => data.optionValue && setTemplateId(data.optionValue)}
        >
          {BUILT_IN_TEMPLATES.map((template) => (
            <Option key={template.id} value={template.id}>
              {template.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </section>
  );
}
