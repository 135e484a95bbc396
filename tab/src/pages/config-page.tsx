import { Text, Title3 } from "@fluentui/react-components";
import { useEffect } from "react";
import { TAB_MESSAGES_EN as text } from "../i18n/messages.js";
import { enableTabSave } from "../teams/teams-host.js";

export function ConfigPage() {
  useEffect(() => enableTabSave("peer-circles", text.appName), []);
  return (
    <section aria-labelledby="config-title" style={{ display: "grid", gap: 8 }}>
      <Title3 id="config-title">{text.configTitle}</Title3>
      <Text>{text.configBody}</Text>
    </section>
  );
}
