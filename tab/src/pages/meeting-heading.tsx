import { Title3 } from "@fluentui/react-components";
import { useMessages } from "../i18n/use-messages.js";

/** The side panel's and stage's heading, shown by the shell before Teams answers and by the page after. */
export function MeetingHeading({ surface }: { surface: "panel" | "stage" }) {
  const { text } = useMessages();
  return surface === "stage" ? (
    <Title3 id="stage-title" align="center">
      {text.stageTitle}
    </Title3>
  ) : (
    <Title3 id="side-panel-title">{text.sidePanelTitle}</Title3>
  );
}
