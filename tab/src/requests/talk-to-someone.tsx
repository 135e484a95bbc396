import { Button, Card, makeStyles, MessageBar, MessageBarBody, Text, typographyStyles } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { RequestCreatedResponse } from "../../../shared/api/index.js";
import type { DirectoryEntry } from "../../../shared/supporters/supporter-profile.js";
import { SeeAllCrisisLines, TopCrisisLine } from "../components/emergency-block.js";
import type { TabMessageKey } from "../i18n/messages.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { EMPTY_DRAFT, formOf, RequestFormFields, type RequestDraft } from "./request-form.js";

/** A fresh key per form, like the bot card's: sending the same form again finds the request it made. */
function newSubmissionId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

const SAVED_BODY: Record<RequestCreatedResponse["reach"], TabMessageKey> = {
  on_duty: "talkSavedOnDuty",
  everyone: "talkSavedEveryone",
  nobody: "talkSavedNobody",
};

const useStyles = makeStyles({ title: { ...typographyStyles.subtitle1, margin: 0 } });

type Sending = { phase: "editing"; error?: TabMessageKey } | { phase: "sending" } | { phase: "saved"; result: RequestCreatedResponse };

/**
 * "Talk to someone" (flow A.1) from the tab: the primary action, opening the bot's request form in
 * the page. It is sent to the same domain call as the bot's card; what was typed stays after a failure.
 */
export function TalkToSomeone({ session, onCreated }: { session: Session; onCreated?: () => void }) {
  const { text, formatMessage } = useMessages();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<RequestDraft>(EMPTY_DRAFT);
  const [missing, setMissing] = useState<string[]>([]);
  const [sending, setSending] = useState<Sending>({ phase: "editing" });
  const [submissionId, setSubmissionId] = useState(newSubmissionId);
  const [supporters, setSupporters] = useState<DirectoryEntry[]>([]);
  const { locale } = session.context;
  const styles = useStyles();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const saved = sending.phase === "saved";
  // Opening the form, and its answer, move the focus to its heading so a screen reader hears where it is.
  useEffect(() => {
    if (open) titleRef.current?.focus();
  }, [open, saved]);

  const start = () => {
    setOpen(true);
    // Only supporters who chose to be named are offered; without the list, "any" and "professional" still work.
    session.api.supporterDirectory().then(
      (directory) => setSupporters(directory.supporters),
      () => setSupporters([]),
    );
  };

  const send = async () => {
    const checked = formOf(draft);
    if ("missing" in checked) {
      setMissing(checked.missing);
      return;
    }
    setMissing([]);
    setSending({ phase: "sending" });
    try {
      const result = await session.api.createRequest(checked.form, submissionId, locale);
      setSending({ phase: "saved", result });
      onCreated?.();
    } catch (error) {
      const status = (error as { status?: number }).status ?? 0;
      setSending({ phase: "editing", error: status === 400 ? "talkErrorInvalid" : status === 0 ? "talkErrorNetwork" : "talkErrorBusy" });
    }
  };

  const close = () => {
    setOpen(false);
    if (sending.phase === "saved") {
      // The next request starts from an empty form with a new key.
      setDraft(EMPTY_DRAFT);
      setSubmissionId(newSubmissionId());
      setSending({ phase: "editing" });
    }
  };

  return (
    <div style={{ display: "grid", gap: 12, minWidth: 0 }}>
      {!open && (
        <div>
          <Button appearance="primary" size="large" onClick={start} data-testid="talk-to-someone">
            {text.talkButton}
          </Button>
        </div>
      )}
      {open && (
        // In the page, not a modal: the emergency block stays on screen beside the form.
        <Card role="region" aria-labelledby="talk-title" data-testid="talk-panel" style={{ minWidth: 0 }}>
          <h2 id="talk-title" tabIndex={-1} ref={titleRef} className={styles.title}>
            {saved ? text.talkSavedTitle : text.talkButton}
          </h2>
          {sending.phase === "saved" ? (
            <div style={{ display: "grid", gap: 12 }} data-testid="talk-saved">
              {sending.result.crisis && (
                <MessageBar intent="error" layout="multiline" role="alert">
                  <MessageBarBody>
                    {text.talkSavedCrisis}
                    <TopCrisisLine locale={locale} />
                    <SeeAllCrisisLines />
                  </MessageBarBody>
                </MessageBar>
              )}
              <Text role="status">{formatMessage(SAVED_BODY[sending.result.reach], { code: sending.result.request.referenceCode })}</Text>
              {!sending.result.botReachable && <Text>{text.talkSavedNoChat}</Text>}
              <div>
                <Button appearance="primary" onClick={close}>
                  {text.talkDone}
                </Button>
              </div>
            </div>
          ) : (
            <div style={{ display: "grid", gap: 12 }}>
              <RequestFormFields draft={draft} onChange={setDraft} supporters={supporters} missing={missing} locale={locale} />
              {sending.phase === "editing" && sending.error && (
                <MessageBar intent="error" layout="multiline" role="alert" data-testid="talk-error">
                  <MessageBarBody>{text[sending.error]}</MessageBarBody>
                </MessageBar>
              )}
              <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
                <Button appearance="primary" disabled={sending.phase === "sending"} onClick={() => void send()} data-testid="talk-submit">
                  {text.talkSubmit}
                </Button>
                <Button disabled={sending.phase === "sending"} onClick={close}>
                  {text.talkCancel}
                </Button>
              </div>
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
