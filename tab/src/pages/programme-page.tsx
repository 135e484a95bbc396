import { Button, Link, MessageBar, MessageBarBody, Spinner, Text, Title2, Title3 } from "@fluentui/react-components";
import { Suspense, lazy, useCallback, useState } from "react";
import type { OpenRoundInput } from "../../../shared/circles/circle-programme.js";
import { BuddyPairingsAdmin } from "../buddies/buddy-pairings-admin.js";
import { RosterAdmin } from "../supporters/roster-admin.js";
import { AllCircles } from "../circles/all-circles.js";
import { viewerOf } from "../circles/circle-format.js";
import { Notice, type NoticeState } from "../circles/notice.js";
import { RoundAdminCard } from "../circles/round-admin-card.js";
import { ErrorState } from "../components/error-state.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { useLoad } from "../use-load.js";

// The form checks a round with the server's schema, which brings zod: it loads when an admin opens one.
const OpenRoundForm = lazy(() => import("../circles/open-round-form.js").then((module) => ({ default: module.OpenRoundForm })));

/** Programme admins run sign-up rounds here; anyone else is pointed back to their Home tab. */
export function ProgrammePage({ session }: { session: Session }) {
  const { text, errorText } = useMessages();
  const [me, retry] = useLoad(useCallback(() => session.api.me(), [session]));
  if (me.status === "loading") return <Spinner label={text.loading} />;
  if (me.status === "failed")
    return <ErrorState message={me.error.status === 401 ? text.errorSignIn : errorText(me.error)} onRetry={retry} />;
  return (
    <section aria-labelledby="programme-title" style={{ display: "grid", gap: 16 }}>
      <Title2 as="h1" id="programme-title">
        {text.programmeTitle}
      </Title2>
      {me.data.roles.includes("admin") ? (
        <ProgrammeAdmin session={session} />
      ) : (
        <MessageBar intent="info" layout="multiline" data-testid="programme-admins-only">
          <MessageBarBody>{text.programmeAdminsOnly}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function ProgrammeAdmin({ session }: { session: Session }) {
  const { text, formatMessage, errorText } = useMessages();
  const [rounds, reloadRounds] = useLoad(useCallback(() => session.api.circleRounds(), [session]));
  const [opening, setOpening] = useState(false);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<NoticeState>();
  const [circlesGeneration, setCirclesGeneration] = useState(0);
  const viewer = viewerOf(session);

  const openRound = async (input: OpenRoundInput) => {
    setSaving(true);
    setNotice(undefined);
    try {
      const round = await session.api.openRound(input);
      setOpening(false);
      setNotice({ intent: "success", message: formatMessage("programmeRoundOpened", { name: round.name }) });
      reloadRounds();
    } catch (error) {
      setNotice({ intent: "error", message: errorText(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Text>{text.programmeIntro}</Text>
      <Text>
        <Link href="/personal/insights" data-testid="insights-link">
          {text.insightsLink}
        </Link>{" "}
        {text.insightsLinkIntro}
      </Text>
      {notice && <Notice {...notice} />}
      {opening ? (
        <Suspense fallback={<Spinner size="small" label={text.loading} />}>
          <OpenRoundForm viewer={viewer} saving={saving} onSubmit={(input) => void openRound(input)} onCancel={() => setOpening(false)} />
        </Suspense>
      ) : (
        <div>
          <Button appearance="primary" onClick={() => setOpening(true)}>
            {text.programmeOpenRound}
          </Button>
        </div>
      )}
      <section aria-labelledby="programme-rounds-title" style={{ display: "grid", gap: 12 }}>
        <Title3 as="h2" id="programme-rounds-title">
          {text.programmeRoundsTitle}
        </Title3>
        {rounds.status === "loading" && <Spinner size="small" label={text.loading} />}
        {rounds.status === "failed" && <ErrorState message={errorText(rounds.error)} onRetry={reloadRounds} />}
        {rounds.status === "ready" && rounds.data.rounds.length === 0 && (
          <Text data-testid="programme-rounds-empty">{text.programmeRoundsEmpty}</Text>
        )}
        {rounds.status === "ready" &&
          rounds.data.rounds.map((round) => (
            <RoundAdminCard
              key={round.id}
              round={round}
              session={session}
              viewer={viewer}
              onPublished={(message) => {
                setNotice({ intent: "success", message });
                reloadRounds();
                setCirclesGeneration((count) => count + 1);
              }}
            />
          ))}
      </section>
      <AllCircles session={session} generation={circlesGeneration} />
      <BuddyPairingsAdmin session={session} />
      <RosterAdmin session={session} />
    </>
  );
}
