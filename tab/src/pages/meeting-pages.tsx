import { Text, Title2, Title3 } from "@fluentui/react-components";
import { TAB_MESSAGES_EN as text } from "../i18n/messages.js";

/** The meeting side panel: the facilitator's controls and each participant's view live here. */
export function SidePanelPage() {
  return (
    <section aria-labelledby="side-panel-title" style={{ display: "grid", gap: 8 }}>
      <Title3 id="side-panel-title">{text.sidePanelTitle}</Title3>
      <Text>{text.sidePanelEmpty}</Text>
    </section>
  );
}

/** The shared stage: the current prompt and timer, large enough to read across a room. */
export function StagePage() {
  return (
    <section aria-labelledby="stage-title" style={{ display: "grid", gap: 12, textAlign: "center" }}>
      <Title2 id="stage-title">{text.stageTitle}</Title2>
      <Text size={500}>{text.stageEmpty}</Text>
    </section>
  );
}
