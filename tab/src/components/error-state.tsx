import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { TAB_MESSAGES_EN as text } from "../i18n/messages.js";

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div role="alert" style={{ padding: 16 }}>
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{text.errorTitle}</MessageBarTitle>
          {message}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={onRetry ?? (() => location.reload())}>{text.retry}</Button>
        </MessageBarActions>
      </MessageBar>
    </div>
  );
}
