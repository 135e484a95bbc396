import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text, Title2, Title3 } from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { ErasurePreview } from "../../../shared/api/index.js";
import { Notice, type NoticeState } from "../circles/notice.js";
import { saveFile } from "../api/file-download.js";
import { ErrorState } from "../components/error-state.js";
import { type PluralBase } from "../i18n/messages.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { useLoad } from "../use-load.js";

const WHAT_GOES: [keyof ErasurePreview, PluralBase][] = [
  ["openRequests", "myDataOpenRequests"],
  ["closedRequests", "myDataClosedRequests"],
  ["circleMemberships", "myDataCircles"],
  ["signUps", "myDataSignUps"],
  ["joinRequests", "myDataJoinRequests"],
  ["buddy", "myDataBuddy"],
  ["settings", "myDataSettings"],
  ["participationWeeks", "myDataParticipation"],
];

/** Privacy rules in practice: every member can take their data with them, or have it erased. */
export function MyDataPage({ session }: { session: Session }) {
  const { text, formatCount, errorText } = useMessages();
  const [preview, reload] = useLoad(useCallback(() => session.api.erasurePreview(), [session]));
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>();

  const run = async (work: () => Promise<void>, success: string) => {
    setBusy(true);
    setNotice(undefined);
    try {
      await work();
      setNotice({ intent: "success", message: success });
    } catch (error) {
      setNotice({ intent: "error", message: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  if (preview.status === "loading") return <Spinner label={text.loading} />;
  if (preview.status === "failed") return <ErrorState message={errorText(preview.error)} onRetry={reload} />;
  const items = WHAT_GOES.filter(([field]) => preview.data[field] > 0);

  return (
    <section aria-labelledby="my-data-title" style={{ display: "grid", gap: 12, maxWidth: 720 }}>
      <Title2 as="h1" id="my-data-title">
        {text.myDataTitle}
      </Title2>
      <Text>{text.myDataIntro}</Text>
      {notice && <Notice {...notice} />}
      <div>
        <Button disabled={busy} onClick={() => void run(async () => saveFile(await session.api.myDataFile()), text.myDataDownloaded)}>
          {text.myDataDownload}
        </Button>
      </div>
      <Title3 as="h2">{text.myDataEraseTitle}</Title3>
      {items.length === 0 ? (
        <Text data-testid="my-data-nothing">{text.myDataNothing}</Text>
      ) : (
        <>
          <Text>{text.myDataEraseWillGo}</Text>
          <ul data-testid="my-data-will-go" style={{ margin: 0, paddingInlineStart: 20 }}>
            {items.map(([field, key]) => (
              <li key={field}>{formatCount(key, preview.data[field])}</li>
            ))}
          </ul>
          {confirming ? (
            <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-label={text.myDataEraseTitle}>
              <MessageBarBody>{text.myDataConfirm}</MessageBarBody>
              <MessageBarActions>
                <Button
                  appearance="primary"
                  disabled={busy}
                  onClick={() =>
                    void run(async () => {
                      await session.api.eraseMyData();
                      setConfirming(false);
                      reload();
                    }, text.myDataErased)
                  }
                >
                  {text.myDataConfirmYes}
                </Button>
                <Button onClick={() => setConfirming(false)}>{text.myDataCancel}</Button>
              </MessageBarActions>
            </MessageBar>
          ) : (
            <div>
              <Button onClick={() => setConfirming(true)}>{text.myDataEraseButton}</Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
