import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, Title3 } from "@fluentui/react-components";
import { Suspense, lazy, useCallback, useState } from "react";
import type { BuddyOfferInput, BuddyRequestInput, MyBuddies } from "../../../shared/circles/buddy-programme.js";
import type { SessionViewer } from "../../../shared/circles/circle-schedule.js";
import { viewerOf } from "../circles/circle-format.js";
import { Notice, type NoticeState } from "../circles/notice.js";
import { ErrorState } from "../components/error-state.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { useLoad } from "../use-load.js";
import { windowsText } from "./buddy-format.js";
import { BuddyPairingCard } from "./buddy-pairing-card.js";

// The form checks answers with the server's schema, which brings zod: it loads when someone opens it.
const BuddyForm = lazy(() => import("./buddy-form.js").then((module) => ({ default: module.BuddyForm })));

type Editing = "offer" | "request" | undefined;

/** Home's "My buddy": my pairings, my open offer or request, and the two ways in when there are none. */
export function MyBuddy({ session }: { session: Session }) {
  const { text, formatMessage, errorText } = useMessages();
  const [mine, reload] = useLoad(useCallback(() => session.api.myBuddies(), [session]));
  const [editing, setEditing] = useState<Editing>();
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<NoticeState>();
  const viewer = viewerOf(session);

  const run = async (work: () => Promise<unknown>, success: string) => {
    setSaving(true);
    setNotice(undefined);
    try {
      await work();
      setEditing(undefined);
      setNotice({ intent: "success", message: success });
      reload();
    } catch (error) {
      setNotice({ intent: "error", message: errorText(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section aria-labelledby="my-buddy-title" style={{ display: "grid", gap: 12, minWidth: 0 }}>
      <Title3 as="h2" id="my-buddy-title">
        {text.myBuddyTitle}
      </Title3>
      {notice && <Notice {...notice} />}
      {mine.status === "loading" && <Spinner size="small" label={text.loading} />}
      {mine.status === "failed" && <ErrorState message={errorText(mine.error)} onRetry={reload} />}
      {mine.status === "ready" && (
        <>
          {mine.data.pairings.map((pairing) => (
            <BuddyPairingCard
              key={pairing.id}
              pairing={pairing}
              session={session}
              viewer={viewer}
              onEnded={(name) => {
                setNotice({ intent: "success", message: formatMessage("buddyEnded", { name }) });
                reload();
              }}
            />
          ))}
          {editing ? (
            <Suspense fallback={<Spinner size="small" label={text.loading} />}>
              {editing === "offer" ? (
                <BuddyForm
                  kind="offer"
                  initial={mine.data.offer}
                  viewer={viewer}
                  saving={saving}
                  onSubmit={(input: BuddyOfferInput) => void run(() => session.api.offerToBuddy(input), text.buddyOfferSaved)}
                  onCancel={() => setEditing(undefined)}
                />
              ) : (
                <BuddyForm
                  kind="request"
                  initial={mine.data.request}
                  viewer={viewer}
                  saving={saving}
                  onSubmit={(input: BuddyRequestInput) => void run(() => session.api.askForBuddy(input), text.buddyRequestSaved)}
                  onCancel={() => setEditing(undefined)}
                />
              )}
            </Suspense>
          ) : (
            <OpenAnswers mine={mine.data} viewer={viewer} saving={saving} onEdit={setEditing} run={run} session={session} />
          )}
        </>
      )}
    </section>
  );
}

function OpenAnswers({
  mine,
  viewer,
  saving,
  onEdit,
  run,
  session,
}: {
  mine: MyBuddies;
  viewer: SessionViewer;
  saving: boolean;
  onEdit: (editing: Editing) => void;
  run: (work: () => Promise<unknown>, success: string) => Promise<void>;
  session: Session;
}) {
  const messages = useMessages();
  const { text, formatCount } = messages;
  const { offer, request } = mine;
  const hasBuddy = mine.pairings.some((pairing) => pairing.role === "newcomer");
  return (
    <>
      {mine.pairings.length === 0 && !offer && !request && <Text data-testid="my-buddy-empty">{text.buddyEmpty}</Text>}
      {request && (
        <MessageBar intent="info" layout="multiline" data-testid="buddy-request-open">
          <MessageBarBody>
            <MessageBarTitle>{text.buddyRequestOpen}</MessageBarTitle>
            {windowsText(messages, request.windows, request.timeZone, viewer.locale)}
          </MessageBarBody>
        </MessageBar>
      )}
      {offer && (
        <MessageBar intent="success" layout="multiline" data-testid="buddy-offer-open">
          <MessageBarBody>
            <MessageBarTitle>{formatCount("buddyOfferOpen", offer.capacity, { active: String(offer.activePairings) })}</MessageBarTitle>
            {windowsText(messages, offer.windows, offer.timeZone, viewer.locale)}
          </MessageBarBody>
        </MessageBar>
      )}
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        {request ? (
          <>
            <Button onClick={() => onEdit("request")}>{text.buddyRequestChange}</Button>
            <Button disabled={saving} onClick={() => void run(() => session.api.withdrawBuddyRequest(), text.buddyRequestWithdrawn)}>
              {text.buddyRequestWithdraw}
            </Button>
          </>
        ) : (
          !hasBuddy && (
            <Button appearance="primary" onClick={() => onEdit("request")}>
              {text.buddyFindMe}
            </Button>
          )
        )}
        {offer ? (
          <>
            <Button onClick={() => onEdit("offer")}>{text.buddyOfferChange}</Button>
            <Button disabled={saving} onClick={() => void run(() => session.api.withdrawBuddyOffer(), text.buddyOfferWithdrawn)}>
              {text.buddyOfferWithdraw}
            </Button>
          </>
        ) : (
          <Button onClick={() => onEdit("offer")}>{text.buddyOfferToBe}</Button>
        )}
      </div>
    </>
  );
}
