import { Link, Text, Title3 } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { TemplatePicker } from "../huddles/template-picker.js";
import { useTemplateList } from "../huddles/use-template-list.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { configureTabSave } from "../teams/teams-host.js";

/**
 * The configurable tab's settings. In a meeting: pick the huddle template, and Teams' Save turns on
 * once one is picked. In a channel or group chat: the tab will list that team's circles.
 */
export function ConfigPage({ session }: { session: Session }) {
  // Opened in a browser rather than in Teams' settings frame: there is no Save to wire up, so say what the page is for.
  if (session.context.frameContext !== "settings") return <ConfigOutsideTeams />;
  return <ConfigInTeams session={session} />;
}

function ConfigOutsideTeams() {
  const { text } = useMessages();
  return (
    <section aria-labelledby="config-title" style={{ display: "grid", gap: 8 }} data-testid="config-outside-teams">
      <Title3 as="h1" id="config-title">
        {text.configTitle}
      </Title3>
      <Text>{text.configOutsideTeams}</Text>
      <Link href="/personal/home">{text.navBackHome}</Link>
    </section>
  );
}

function ConfigInTeams({ session }: { session: Session }) {
  const { text } = useMessages();
  const inMeeting = Boolean(session.context.meetingId);
  const [templateId, setTemplateId] = useState<string>();
  const { templates } = useTemplateList(session);
  useEffect(
    () => configureTabSave(inMeeting ? { kind: "huddle", templateId } : { kind: "teamCircles" }, text.appName),
    [inMeeting, templateId, text.appName],
  );
  if (!inMeeting)
    return (
      <section aria-labelledby="config-title" style={{ display: "grid", gap: 8 }}>
        <Title3 id="config-title">{text.configTitle}</Title3>
        <Text data-testid="config-team-circles">{text.configTeamCircles}</Text>
      </section>
    );
  return (
    <section aria-labelledby="config-title" style={{ display: "grid", gap: 8 }}>
      <Title3 id="config-title">{text.configTitle}</Title3>
      <Text>{text.configBody}</Text>
      <TemplatePicker templates={templates} templateId={templateId} onChange={setTemplateId} required />
    </section>
  );
}
