import {
  Badge,
  Button,
  Card,
  Field,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  Title2,
  Title3,
} from "@fluentui/react-components";
import { useCallback, useState } from "react";
import type { RequestSummaryView as RequestSummary } from "../../../shared/requests/request-views.js";
import { ErrorState } from "../components/error-state.js";
import { TypedCrisisNotice } from "../components/typed-crisis-notice.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { dateTime } from "../time-format.js";
import { useLoad } from "../use-load.js";
import { usePagedList } from "../use-paged-list.js";
import { ShowMore } from "../components/show-more.js";

const WITHDRAWABLE = new Set(["open", "claimed", "in_conversation"]);

/** A member's own requests: status, what happened when, and withdraw. */
export function MyRequestsPage({ session }: { session: Session }) {
  const { text } = useMessages();
  const [list, reload, more] = usePagedList(useCallback((continuation?: string) => session.api.myRequests(continuation), [session]));
  const [openCode, setOpenCode] = useState<string>();
  const { locale, timeZone } = session.context;

  if (list.status === "loading") return <Spinner label={text.loading} />;
  if (list.status === "failed") return <ErrorState message={text.errorNetwork} onRetry={reload} />;
  const requests = list.data.requests;
  return (
    <section aria-labelledby="my-requests-title" style={{ display: "grid", gap: 12 }}>
      <Title2 id="my-requests-title">{text.myRequestsTitle}</Title2>
      {requests.length === 0 ? (
        <Text data-testid="my-requests-empty">{text.myRequestsEmpty}</Text>
      ) : (
        <Table aria-labelledby="my-requests-title" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{text.columnReference}</TableHeaderCell>
              <TableHeaderCell>{text.columnCategory}</TableHeaderCell>
              <TableHeaderCell>{text.columnStatus}</TableHeaderCell>
              <TableHeaderCell>{text.columnWaiting}</TableHeaderCell>
              <TableHeaderCell>{text.columnActions}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {requests.map((request) => (
              <RequestRow
                key={request.referenceCode}
                request={request}
                session={session}
                onChanged={reload}
                onOpen={() => setOpenCode(request.referenceCode)}
              />
            ))}
          </TableBody>
        </Table>
      )}
      <ShowMore more={more} />
      {openCode && <RequestTimeline code={openCode} session={session} locale={locale} timeZone={timeZone} />}
    </section>
  );
}

function RequestRow({
  request,
  session,
  onChanged,
  onOpen,
}: {
  request: RequestSummary;
  session: Session;
  onChanged: () => void;
  onOpen: () => void;
}) {
  const { text, labelFor } = useMessages();
  const [busy, setBusy] = useState(false);
  const withdraw = async () => {
    setBusy(true);
    await session.api.act(request.referenceCode, "withdraw").catch(() => undefined);
    setBusy(false);
    onChanged();
  };
  return (
    <TableRow data-code={request.referenceCode}>
      <TableCell>{request.referenceCode}</TableCell>
      <TableCell>{labelFor("category", request.category)}</TableCell>
      <TableCell>
        <Badge appearance="tint" color={request.status === "open" ? "warning" : "brand"}>
          {labelFor("status", request.status)}
        </Badge>
      </TableCell>
      <TableCell>{dateTime(request.createdAt, session.context.locale, session.context.timeZone)}</TableCell>
      <TableCell>
        <Button size="small" aria-label={`${text.actionDetails} ${request.referenceCode}`} onClick={onOpen}>
          {text.actionDetails}
        </Button>{" "}
        {WITHDRAWABLE.has(request.status) && (
          <Button
            size="small"
            disabled={busy}
            aria-label={`${text.actionWithdraw} ${request.referenceCode}`}
            onClick={() => void withdraw()}
          >
            {text.actionWithdraw}
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}

function RequestTimeline({ code, session, locale, timeZone }: { code: string; session: Session; locale: string; timeZone: string }) {
  const { text, labelFor } = useMessages();
  const [detail] = useLoad(useCallback(() => session.api.requestDetail(code), [code, session]));
  if (detail.status === "loading") return <Spinner size="tiny" />;
  if (detail.status === "failed") return <ErrorState message={text.errorNetwork} />;
  const { request, audit = [] } = detail.data;
  return (
    <Card aria-label={`${text.timelineTitle}: ${code}`}>
      <Title3>{code}</Title3>
      {request.text && (
        <Text>
          <strong>{text.requestText}:</strong> {request.text}
        </Text>
      )}
      <Text weight="semibold">{text.timelineTitle}</Text>
      {(request.status === "claimed" || request.status === "in_conversation") && <MessageComposer code={code} session={session} />}
      <ol data-testid="request-timeline">
        {audit.map((entry) => (
          <li key={`${entry.at}-${entry.action}`}>
            {dateTime(entry.at, locale, timeZone)}: {labelFor("audit", entry.action)}
          </li>
        ))}
      </ol>
    </Card>
  );
}

/** Writing to the supporter through the bot; a failed send keeps the words in the box. */
function MessageComposer({ code, session }: { code: string; session: Session }) {
  const { text } = useMessages();
  const [message, setMessage] = useState("");
  const [state, setState] = useState<"idle" | "sending" | "sent" | "failed" | "crisis">("idle");
  const send = async () => {
    setState("sending");
    try {
      const result = await session.api.sendMessage(code, message);
      setMessage("");
      setState(result.crisis ? "crisis" : "sent");
    } catch {
      setState("failed");
    }
  };
  return (
    <div style={{ display: "grid", gap: 8 }}>
      {state === "crisis" && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{text.messageCrisis}</MessageBarBody>
        </MessageBar>
      )}
      {state === "sent" && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{text.messageSent}</MessageBarBody>
        </MessageBar>
      )}
      {state === "failed" && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{text.messageFailed}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={text.messageLabel}>
        <Textarea value={message} maxLength={2000} onChange={(_event, data) => setMessage(data.value)} data-testid="message-box" />
      </Field>
      {/* Screened as it is typed, here in the browser: the lines are shown before anything is sent. */}
      <TypedCrisisNotice texts={message} locale={session.context.locale} />
      <Button
        appearance="primary"
        disabled={!message.trim() || state === "sending"}
        onClick={() => void send()}
        style={{ justifySelf: "start" }}
      >
        {text.messageSend}
      </Button>
    </div>
  );
}
