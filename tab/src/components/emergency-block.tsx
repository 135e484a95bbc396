import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { TAB_MESSAGES_EN as text } from "../i18n/messages.js";

/** Always on screen: Peer Circles is not an emergency service, and says so everywhere. */
export function EmergencyBlock() {
  return (
    <aside aria-label={text.emergencyTitle}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{text.emergencyTitle}</MessageBarTitle>
          {text.emergencyBody}
        </MessageBarBody>
      </MessageBar>
    </aside>
  );
}
