import { Dropdown, Field, MessageBar, MessageBarBody, Option, Spinner, Text, Title2 } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { RequestDetailView as RequestDetail } from "../../../shared/api/index.js";
import { hasRole } from "../../../shared/roles.js";
import { ClaimedRequestPanel } from "../components/claimed-request-panel.js";
import { ErrorState } from "../components/error-state.js";
import { ShowMore } from "../components/show-more.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { CaseloadBanner } from "../supporters/caseload-banner.js";
import { QueueList, type QueueEntry } from "../supporters/queue-list.js";
import { useLoad } from "../use-load.js";
import { useNow } from "../use-now.js";
import { usePagedList } from "../use-paged-list.js";

const URGENCY_FILTERS = ["all", "crisis", "today", "soon", "can_wait"] as const;
const STATUS_FILTERS = ["all", "open", "claimed", "in_conversation"] as const;
/** New requests reach an open queue within this long; coming back to the tab refreshes at once. */
export const QUEUE_REFRESH_MS = 30_000;

/** Loads again every `intervalMs` while the page is shown, and whenever the window comes back into view. */
function useRefresh(reload: () => void, intervalMs: number) {
  useEffect(() => {
    const whenVisible = () => document.visibilityState === "visible" && reload();
    const timer = setInterval(whenVisible, intervalMs);
    window.addEventListener("focus", whenVisible);
    document.addEventListener("visibilitychange", whenVisible);
    return () => {
      clearInterval(timer);
      window.removeEventListener("focus", whenVisible);
      document.removeEventListener("visibilitychange", whenVisible);
    };
  }, [reload, intervalMs]);
}

/** The supporters' queue: open requests, most urgent first, with no one's words until claimed. */
export function QueuePage({ session }: { session: Session }) {
  const { text, formatMessage, formatCount, labelFor, errorText } = useMessages();
  // A refresh in the background that fails keeps the list on screen, with a notice above it.
  const [queue, reload, more, refreshError] = usePagedList(
    useCallback((continuation?: string) => session.api.queue(continuation), [session]),
    { keepDataOnFailure: true },
  );
  const [me] = useLoad(useCallback(() => session.api.me(), [session]));
  const [urgency, setUrgency] = useState<(typeof URGENCY_FILTERS)[number]>("all");
  const [status, setStatus] = useState<(typeof STATUS_FILTERS)[number]>("all");
  const [notice, setNotice] = useState<{ intent: "success" | "warning"; message: string }>();
  const [claimed, setClaimed] = useState<RequestDetail>();
  // The caseload is counted again after every claim and close.
  const [caseloadVersion, setCaseloadVersion] = useState(0);
  // Waiting times and claim deadlines are shown to the minute; they move on while the queue is open.
  const now = useNow(15_000);
  useRefresh(reload, QUEUE_REFRESH_MS);

  if (queue.status === "loading") return <Spinner label={text.loading} />;
  if (queue.status === "failed") {
    if (queue.error.status === 403) return <Text data-testid="queue-not-supporter">{text.queueNotSupporter}</Text>;
    return <ErrorState message={errorText(queue.error)} onRetry={reload} />;
  }
  // Who can open a chat with the bot is the roster's business: only admins are shown who cannot be reached.
  const isAdmin = me.status === "ready" && hasRole(me.data.roles, "admin");
  const shown = queue.data.requests.filter(
    (request) => (urgency === "all" || request.urgency === urgency) && (status === "all" || request.status === status),
  );
  const changed = () => {
    reload();
    setCaseloadVersion((count) => count + 1);
  };
  const open = async (request: QueueEntry) => setClaimed((await session.api.requestDetail(request.referenceCode)).request);
  const afterChange = async () => {
    changed();
    if (!claimed) return;
    const current = await session.api.requestDetail(claimed.referenceCode).catch(() => undefined);
    setClaimed(current && ["claimed", "in_conversation"].includes(current.request.status) ? current.request : undefined);
  };

  const claim = async (request: QueueEntry) => {
    try {
      await session.api.act(request.referenceCode, "claim");
      setClaimed((await session.api.requestDetail(request.referenceCode)).request);
      setNotice({ intent: "success", message: formatMessage("claimedToast", { code: request.referenceCode }) });
    } catch {
      setNotice({ intent: "warning", message: text.alreadyClaimed });
    }
    changed();
  };

  return (
    <section aria-labelledby="queue-title" style={{ display: "grid", gap: 12, minWidth: 0 }}>
      <Title2 as="h1" id="queue-title">
        {text.queueTitle}
      </Title2>
      <CaseloadBanner session={session} version={caseloadVersion} />
      {notice && (
        <MessageBar intent={notice.intent} role="status">
          <MessageBarBody>{notice.message}</MessageBarBody>
        </MessageBar>
      )}
      {refreshError && (
        <MessageBar intent="warning" role="status" data-testid="queue-refresh-failed">
          <MessageBarBody>{formatMessage("queueRefreshFailed", { reason: errorText(refreshError) })}</MessageBarBody>
        </MessageBar>
      )}
      {claimed && <ClaimedRequestPanel request={claimed} session={session} onChanged={() => void afterChange()} />}
      {isAdmin && queue.data.unreachableSupporters.length > 0 && (
        <MessageBar intent="warning" data-testid="unreachable-supporters">
          <MessageBarBody>{formatCount("unreachableSupporters", queue.data.unreachableSupporters.length)}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={text.filterUrgency} style={{ maxWidth: 240 }}>
        <Dropdown
          value={urgency === "all" ? text.filterAll : labelFor("urgency", urgency)}
          selectedOptions={[urgency]}
          onOptionSelect={(_event, data) => setUrgency((data.optionValue as (typeof URGENCY_FILTERS)[number]) ?? "all")}
        >
          {URGENCY_FILTERS.map((value) => (
            <Option key={value} value={value}>
              {value === "all" ? text.filterAll : labelFor("urgency", value)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={text.filterStatus} style={{ maxWidth: 240 }}>
        <Dropdown
          value={status === "all" ? text.filterAll : labelFor("status", status)}
          selectedOptions={[status]}
          onOptionSelect={(_event, data) => setStatus((data.optionValue as (typeof STATUS_FILTERS)[number]) ?? "all")}
        >
          {STATUS_FILTERS.map((value) => (
            <Option key={value} value={value}>
              {value === "all" ? text.filterAll : labelFor("status", value)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {shown.length === 0 ? (
        <Text data-testid="queue-empty">{text.queueEmpty}</Text>
      ) : (
        <QueueList
          requests={shown}
          now={now}
          locale={session.context.locale}
          onClaim={(request) => void claim(request)}
          onOpen={(request) => void open(request)}
        />
      )}
      <ShowMore more={more} />
    </section>
  );
}
