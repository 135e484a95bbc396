import { Dropdown, Field, MessageBar, MessageBarBody, Option } from "@fluentui/react-components";
import { useMessages } from "../i18n/use-messages.js";
import type { DevIdentityChoice } from "../session.js";

/** Visible whenever the tab signs in with a sample user instead of Teams SSO. */
export function DevIdentityBanner({ choice }: { choice: DevIdentityChoice }) {
  const { text } = useMessages();
  const current = choice.users.find((user) => user.key === choice.current);
  return (
    <MessageBar intent="info" layout="multiline" data-testid="dev-identity-banner">
      <MessageBarBody>
        {text.devBanner}
        {choice.switchTo && (
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
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
