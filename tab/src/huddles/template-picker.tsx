import { Dropdown, Field, Option } from "@fluentui/react-components";
import type { HuddleTemplate } from "../../../shared/huddles/templates.js";
import { templateInViewerLanguage } from "../i18n/shipped-templates.js";
import { useMessages } from "../i18n/use-messages.js";

/** Choosing a huddle template, on the tab's settings page and in an empty side panel alike. */
export function TemplatePicker({
  templates,
  templateId,
  onChange,
  required = false,
}: {
  templates: readonly HuddleTemplate[];
  templateId?: string | undefined;
  onChange: (id: string) => void;
  required?: boolean;
}) {
  const { text, language } = useMessages();
  const shown = templates.map((template) => templateInViewerLanguage(template, language));
  const chosen = shown.find((template) => template.id === templateId);
  return (
    <Field label={text.huddleChooseTemplate} required={required} hint={chosen?.description ?? null}>
      <Dropdown
        data-testid="template-picker"
        placeholder={text.configPickTemplate}
        value={chosen?.name ?? ""}
        selectedOptions={templateId ? [templateId] : []}
        onOptionSelect={(_event, data) => data.optionValue && onChange(data.optionValue)}
      >
        {shown.map((template) => (
          <Option key={template.id} value={template.id}>
            {template.name}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
