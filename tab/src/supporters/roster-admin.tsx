import {
  Button,
  Field,
  Input,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  Title3,
} from "@fluentui/react-components";
import { useCallback, useState } from "react";
import { localDateText } from "../circles/circle-format.js";
import { Notice, type NoticeState } from "../circles/notice.js";
import { ErrorState } from "../components/error-state.js";
import { TypedCrisisNotice } from "../components/typed-crisis-notice.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { useLoad } from "../use-load.js";

const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The programme admins' roster: who supports, when their refresher is due, and the caseload limit. */
export function RosterAdmin({ session }: { session: Session }) {
  const { text, errorText } = useMessages();
  const [roster, reload] = useLoad(useCallback(() => session.api.supporterRoster(), [session]));
  const [draft, setDraft] = useState({ userId: "", displayName: "", trainedOn: "", languages: "", bio: "" });
  const [cap, setCap] = useState<string>();
  const [notice, setNotice] = useState<NoticeState>();
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<unknown>, success: string) => {
    setBusy(true);
    setNotice(undefined);
    try {
      await work();
      setNotice({ intent: "success", message: success });
      reload();
    } catch (error) {
      setNotice({ intent: "error", message: errorText(error) });
    } finally {
      setBusy(false);
    }
  };
  const languages = draft.languages
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);
  const canSave = OBJECT_ID.test(draft.userId.trim()) && !busy;

  return (
    <section aria-labelledby="roster-title" style={{ display: "grid", gap: 12 }}>
      <Title3 as="h2" id="roster-title">
        {text.rosterTitle}
      </Title3>
      {notice && <Notice {...notice} />}
      {roster.status === "loading" && <Spinner size="small" label={text.loading} />}
      {roster.status === "failed" && <ErrorState message={errorText(roster.error)} onRetry={reload} />}
      {roster.status === "ready" && roster.data.supporters.length === 0 && <Text>{text.rosterEmpty}</Text>}
      {roster.status === "ready" && roster.data.supporters.length > 0 && (
        <div style={{ overflowX: "auto" }}>
          <Table aria-labelledby="roster-title" data-testid="roster" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{text.rosterName}</TableHeaderCell>
                <TableHeaderCell>{text.rosterTraining}</TableHeaderCell>
                <TableHeaderCell>{text.rosterCases}</TableHeaderCell>
                <TableHeaderCell>{text.rosterListed}</TableHeaderCell>
                <TableHeaderCell>{text.rosterReachable}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {roster.data.supporters.map((entry) => (
                <TableRow key={entry.userId}>
                  <TableCell>{entry.displayName || entry.userId}</TableCell>
                  <TableCell>
                    {text[`rosterStatus_${entry.trainingStatus}` as const]}
                    {entry.refresherDue ? ` · ${localDateText(entry.refresherDue, session.context.locale)}` : ""}
                  </TableCell>
                  <TableCell>{entry.activeCases}</TableCell>
                  <TableCell>{entry.listed ? text.rosterYes : text.rosterNo}</TableCell>
                  <TableCell>{entry.reachable ? text.rosterYes : text.rosterNo}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {roster.status === "ready" && (
        <div style={{ display: "flex", gap: 8, alignItems: "end", flexWrap: "wrap" }}>
          <Field label={text.rosterCap}>
            <Input
              type="number"
              min={1}
              max={50}
              value={cap ?? String(roster.data.caseloadCap)}
              onChange={(_event, data) => setCap(data.value)}
            />
          </Field>
          <Button disabled={busy || !cap} onClick={() => void run(() => session.api.setCaseloadCap(Number(cap)), text.rosterCapSaved)}>
            {text.rosterCapSave}
          </Button>
        </div>
      )}
      <form
        aria-labelledby="roster-add-title"
        style={{ display: "grid", gap: 8, maxWidth: 560 }}
        onSubmit={(event) => {
          event.preventDefault();
          if (!canSave) return;
          void run(
            () =>
              session.api.saveSupporter(draft.userId.trim(), {
                ...(draft.displayName.trim() ? { displayName: draft.displayName.trim() } : {}),
                ...(draft.trainedOn ? { trainedOn: draft.trainedOn } : {}),
                languages,
                bio: draft.bio,
              }),
            text.rosterSaved,
          );
        }}
      >
        <Title3 as="h3" id="roster-add-title" style={{ fontSize: 16 }}>
          {text.rosterAddTitle}
        </Title3>
        {session.pickPerson && (
          <div>
            <Button
              onClick={() =>
                void session.pickPerson!().then(
                  (picked) => picked && setDraft({ ...draft, userId: picked.userId, displayName: picked.displayName }),
                  // Cancelled or not possible here: the draft stays as it is and the id can be typed in.
                  () => undefined,
                )
              }
            >
              {text.rosterPick}
            </Button>
          </div>
        )}
        <Field label={text.rosterUserId} required>
          <Input value={draft.userId} onChange={(_event, data) => setDraft({ ...draft, userId: data.value })} />
        </Field>
        <Field label={text.rosterDisplayName}>
          <Input value={draft.displayName} maxLength={80} onChange={(_event, data) => setDraft({ ...draft, displayName: data.value })} />
        </Field>
        <Field label={text.rosterTrainedOn}>
          <Input type="date" value={draft.trainedOn} onChange={(_event, data) => setDraft({ ...draft, trainedOn: data.value })} />
        </Field>
        <Field label={text.rosterLanguages}>
          <Input value={draft.languages} onChange={(_event, data) => setDraft({ ...draft, languages: data.value })} />
        </Field>
        <Field label={text.rosterBio}>
          <Textarea value={draft.bio} maxLength={300} onChange={(_event, data) => setDraft({ ...draft, bio: data.value })} />
        </Field>
        <TypedCrisisNotice texts={draft.bio} locale={session.context.locale} testId="roster-bio-crisis" />
        <div>
          <Button appearance="primary" type="submit" disabled={!canSave}>
            {text.rosterSave}
          </Button>
        </div>
      </form>
    </section>
  );
}
