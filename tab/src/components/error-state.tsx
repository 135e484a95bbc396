import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useMessages } from "../i18n/use-messages.js";

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { text } = useMessages();
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
