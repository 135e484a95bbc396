import { Dropdown, Field, Option } from "@fluentui/react-components";
import { useMessages } from "../i18n/use-messages.js";
import type { DevIdentityChoice } from "../session.js";

/** Outside Teams, in development identity mode: picks the sample user the tab signs in as. */
export function DevUserSwitcher({ choice }: { choice: DevIdentityChoice }) {
  const { text } = useMessages();
  const current = choice.users.find((user) => user.key === choice.current);
  return (
    <Field label={text.devSwitchUser} style={{ marginTop: 8, maxWidth: 320 }}>
      <Dropdown
        value={current?.displayName ?? ""}
        selectedOptions={choice.current ? [choice.current] : []}
        onOptionSelect={(_event, data) => data.optionValue && choice.switchTo?.(data.optionValue)}
      >
        {choice.users.map((user) => (
          <Option key={user.key} value={user.key}>
            {user.displayName}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
