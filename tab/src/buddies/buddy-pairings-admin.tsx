import { Button, Card, Spinner, Subtitle2, Text, Title3 } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { BuddyMatchReport } from "../../../shared/circles/buddy-programme.js";
import { viewerOf } from "../circles/circle-format.js";
import { Notice } from "../circles/notice.js";
import { ErrorState } from "../components/error-state.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { useLoad } from "../use-load.js";
import { reasonText, sinceText } from "./buddy-format.js";

/** The Programme page's buddy section: run the matching, see what it did, and every active pairing. */
export function BuddyPairingsAdmin({ session }: { session: Session }) {
  const messages = useMessages();
  const { text, formatMessage, formatCount, errorText } = messages;
  const [pairings, reload] = useLoad(useCallback(() => session.api.buddyPairings(), [session]));
  const [matching, setMatching] = useState(false);
  const [report, setReport] = useState<BuddyMatchReport>();
  const [failure, setFailure] = useState<string>();
  const viewer = viewerOf(session);

  const match = async () => {
    setMatching(true);
    setFailure(undefined);
    try {
      setReport(await session.api.matchBuddies());
      reload();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setMatching(false);
    }
  };

  return (
    <section aria-labelledby="buddy-pairings-title" style={{ display: "grid", gap: 12, minWidth: 0 }}>
      <Title3 as="h2" id="buddy-pairings-title">
        {text.buddyPairingsTitle}
      </Title3>
      <Text>{text.buddyPairingsIntro}</Text>
      <div>
        <Button appearance="primary" disabled={matching} onClick={() => void match()}>
          {text.buddyMatchNow}
        </Button>
      </div>
      {matching && <Spinner size="small" label={text.buddyMatching} />}
      {failure && <Notice intent="error" message={failure} />}
      {report && (
        <Card role="status" data-testid="buddy-match-result">
          <Text weight="semibold">{formatCount("buddyMatchResult", report.paired, { waiting: String(report.unmatched.length) })}</Text>
          {report.paired > 0 && (
            <Text>
              {formatMessage("buddyMatchNotified", { notified: String(report.notified), unreachable: String(report.unreachable) })}
            </Text>
          )}
          {report.unmatched.length > 0 && (
            <>
              <Text weight="semibold" id="buddy-unmatched-title">
                {text.buddyUnmatchedTitle}
              </Text>
              <ul aria-labelledby="buddy-unmatched-title" style={{ margin: 0, paddingInlineStart: 20 }}>
                {report.unmatched.map((person) => (
                  <li key={person.userId} data-testid="buddy-unmatched">
                    {formatMessage("buddyUnmatchedPerson", { name: person.displayName, reason: reasonText(messages, person.reason) })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      )}
      <Subtitle2 as="h3" id="buddy-active-title" style={{ margin: 0 }}>
        {text.buddyActiveTitle}
      </Subtitle2>
      {pairings.status === "loading" && <Spinner size="small" label={text.loading} />}
      {pairings.status === "failed" && <ErrorState message={errorText(pairings.error)} onRetry={reload} />}
      {pairings.status === "ready" &&
        (pairings.data.pairings.length === 0 ? (
          <Text data-testid="admin-buddy-pairings-empty">{text.buddyPairingsEmpty}</Text>
        ) : (
          <ul aria-labelledby="buddy-active-title" style={{ margin: 0, paddingInlineStart: 20, display: "grid", gap: 4 }}>
            {pairings.data.pairings.map((pairing) => (
              <li key={pairing.id} data-testid="admin-buddy-pairing">
                {formatMessage("buddyPairingRow", {
                  newcomer: pairing.newcomer.displayName,
                  buddy: pairing.buddy.displayName,
                  date: sinceText(pairing.since, viewer),
                })}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
