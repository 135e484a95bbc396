import { MessageBar, MessageBarBody } from "@fluentui/react-components";

export interface NoticeState {
  intent: "success" | "error";
  message: string;
}

/** The outcome of an action, announced: errors interrupt, successes wait their turn. */
export function Notice({ intent, message }: NoticeState) {
  return (
    <MessageBar intent={intent} role={intent === "error" ? "alert" : "status"} data-testid={`notice-${intent}`}>
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}
