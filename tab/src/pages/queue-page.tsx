import {
  Badge,
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
} from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { RequestDetailView as RequestDetail } from "../../../shared/api/index.js";
import type { RequestSummaryView as RequestSummary } from "../../../shared/requests/request-views.js";
import { ClaimedRequestPanel } from "../components/claimed-request-panel.js";
import { CaseloadBanner } from "../supporters/caseload-banner.js";
import { ErrorState } from "../components/error-state.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { duration, relativeTime } from "../time-format.js";
import { usePagedList } from "../use-paged-list.js";
import { useNow } from "../use-now.js";
import { ShowMore } from "../components/show-more.js";

const URGENCY_FILTERS = ["all", "crisis", "today", "soon", "can_wait"] as const;
const STATUS_FILTERS = ["all", "open", "claimed", "in_conversation"] as const;

/** The supporters' queue: open requests, most urgent first, with no one's words until claimed. */
export function QueuePage({ session }: { session: Session }) {
  const { text, formatMessage, labelFor } = useMessages();
  const [queue, reload, more] = usePagedList(useCallback((continuation?: string) => session.api.queue(continuation), [session]));
  const [urgency, setUrgency] = useState<(typeof URGENCY_FILTERS)[number]>("all");
  const [status, setStatus] = useState<(typeof STATUS_FILTERS)[number]>("all");
  const [notice, setNotice] = useState<{ intent: "success" | "warning"; message: string }>();
  const [claimed, setClaimed] = useState<RequestDetail>();
  // Waiting times and claim deadlines are shown to the minute; they move on while the queue is open.
  const now = useNow(15_000);

  if (queue.status === "loading") return <Spinner label={text.loading} />;
  if (queue.status === "failed") {
    if (queue.error.status === 403) return <Text data-testid="queue-not-supporter">{text.queueNotSupporter}</Text>;
    return <ErrorState message={text.errorNetwork} onRetry={reload} />;
  }
  const shown = queue.data.requests.filter(
    (request) => (urgency === "all" || request.urgency === urgency) && (status === "all" || request.status === status),
  );
  const open = async (request: RequestSummary) => setClaimed((await session.api.requestDetail(request.referenceCode)).request);
  const afterChange = async () => {
    reload();
    if (!claimed) return;
    const current = await session.api.requestDetail(claimed.referenceCode).catch(() => undefined);
    setClaimed(current && ["claimed", "in_conversation"].includes(current.request.status) ? current.request : undefined);
  };

  const claim = async (request: RequestSummary) => {
    try {
      await session.api.act(request.referenceCode, "claim");
      setClaimed((await session.api.requestDetail(request.referenceCode)).request);
      setNotice({ intent: "success", message: formatMessage("claimedToast", { code: request.referenceCode }) });
    } catch {
      setNotice({ intent: "warning", message: text.alreadyClaimed });
    }
    reload();
  };

  return (
    <section aria-labelledby="queue-title" style={{ display: "grid", gap: 12 }}>
      <Title2 id="queue-title">{text.queueTitle}</Title2>
      <CaseloadBanner session={session} />
      {notice && (
        <MessageBar intent={notice.intent} role="status">
          <MessageBarBody>{notice.message}</MessageBarBody>
        </MessageBar>
      )}
      {claimed && <ClaimedRequestPanel request={claimed} session={session} onChanged={() => void afterChange()} />}
      {queue.data.unreachableSupporters.length > 0 && (
        <MessageBar intent="warning" data-testid="unreachable-supporters">
          <MessageBarBody>
            {formatMessage("unreachableSupporters", { count: String(queue.data.unreachableSupporters.length) })}
          </MessageBarBody>
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
        <Table aria-labelledby="queue-title" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{text.columnReference}</TableHeaderCell>
              <TableHeaderCell>{text.columnCategory}</TableHeaderCell>
              <TableHeaderCell>{text.columnUrgency}</TableHeaderCell>
              <TableHeaderCell>{text.columnStatus}</TableHeaderCell>
              <TableHeaderCell>{text.columnWaiting}</TableHeaderCell>
              <TableHeaderCell>{text.columnTarget}</TableHeaderCell>
              <TableHeaderCell>{text.columnActions}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((request) => {
              // The server computes the deadline with the tenant's own targets and business calendar.
              const left = Date.parse(request.claimBy) - now;
              return (
                <TableRow key={request.referenceCode} data-code={request.referenceCode}>
                  <TableCell>{request.referenceCode}</TableCell>
                  <TableCell>{labelFor("category", request.category)}</TableCell>
                  <TableCell>
                    <Badge appearance="filled" color={request.crisis ? "danger" : request.urgency === "today" ? "warning" : "informative"}>
                      {labelFor("urgency", request.urgency)}
                    </Badge>
                  </TableCell>
                  <TableCell>{labelFor("status", request.status)}</TableCell>
                  <TableCell>{relativeTime(Date.parse(request.createdAt) - now, session.context.locale)}</TableCell>
                  <TableCell>
                    {request.status !== "open"
                      ? "—"
                      : left >= 0
                        ? relativeTime(left, session.context.locale)
                        : formatMessage("overdue", { time: duration(-left, session.context.locale) })}
                  </TableCell>
                  <TableCell>
                    {request.status === "open" ? (
                      <Button
                        size="small"
                        appearance="primary"
                        aria-label={`${text.actionClaim} ${request.referenceCode}`}
                        onClick={() => void claim(request)}
                      >
                        {text.actionClaim}
                      </Button>
                    ) : request.claimedByMe ? (
                      <Button size="small" aria-label={`${text.actionOpen} ${request.referenceCode}`} onClick={() => void open(request)}>
                        {text.actionOpen}
                      </Button>
                    ) : (
                      <Text size={200}>{text.takenByColleague}</Text>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <ShowMore more={more} />
    </section>
  );
}
