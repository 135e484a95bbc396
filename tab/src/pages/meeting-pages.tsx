import { makeStyles, Text } from "@fluentui/react-components";
import { meetingIdOf } from "../huddles/huddle-prefetch.js";
import { HuddleView } from "../huddles/huddle-view.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { MeetingHeading } from "./meeting-heading.js";

/** The meeting side panel: the facilitator's controls and each participant's view. Fits 320 px. */
export function SidePanelPage({ session }: { session: Session }) {
  const { text } = useMessages();
  const meetingId = meetingIdOf(session);
  return (
    <section aria-labelledby="side-panel-title" style={{ display: "grid", gap: 8, maxWidth: 420 }}>
      <MeetingHeading surface="panel" />
      {meetingId ? <HuddleView session={session} meetingId={meetingId} surface="panel" /> : <Text>{text.huddleNoMeeting}</Text>}
    </section>
  );
}

// One alignment on the stage: Fluent's text components set their own (start), so they are centred too.
const useStageStyles = makeStyles({
  stage: { display: "grid", gap: "12px", textAlign: "center", "& .fui-Text": { textAlign: "center" } },
});

/** The shared stage: the current prompt and timer, large enough to read across a room. */
export function StagePage({ session }: { session: Session }) {
  const { text } = useMessages();
  const styles = useStageStyles();
  const meetingId = meetingIdOf(session);
  return (
    <section aria-labelledby="stage-title" className={styles.stage}>
      <MeetingHeading surface="stage" />
      {meetingId ? <HuddleView session={session} meetingId={meetingId} surface="stage" /> : <Text size={500}>{text.stageEmpty}</Text>}
    </section>
  );
}
