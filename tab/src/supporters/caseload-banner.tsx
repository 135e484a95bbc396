import { useCallback, useState } from "react";
import { MessageBar, MessageBarBody, Switch, Text } from "@fluentui/react-components";
import type { MyCaseload } from "../../../shared/supporters/supporter-profile.js";
import { localDateText } from "../circles/circle-format.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { useLoad } from "../use-load.js";

/**
 * A supporter's own load, at the top of their queue, with their on-duty switch and a reminder of
 * their own support after a crisis. Loads again whenever `version` changes (after a claim or a close).
 */
export function CaseloadBanner({ session, version }: { session: Session; version?: number }) {
  const { text, formatMessage } = useMessages();
  const [caseload] = useLoad(
    useCallback(() => session.api.myCaseload(), [session]),
    version,
  );
  // The switch's answer is the caseload as it now stands; a later load replaces it.
  const [changed, setChanged] = useState<{ after: typeof caseload; data: MyCaseload }>();
  const [dutyFailed, setDutyFailed] = useState(false);
  // While the change is on its way the switch shows what was asked for; a failure puts it back.
  const [pending, setPending] = useState<boolean>();
  if (caseload.status !== "ready") return null;
  const data = changed?.after === caseload ? changed.data : caseload.data;
  const { activeCases, caseloadCap, atCap, crisisRecently, refresherDue, trainingStatus, onDuty } = data;
  const setDuty = async (next: boolean) => {
    setPending(next);
    try {
      setChanged({ after: caseload, data: await session.api.setOnDuty(next) });
      setDutyFailed(false);
    } catch {
      setDutyFailed(true);
    } finally {
      setPending(undefined);
    }
  };
  return (
    <div style={{ display: "grid", gap: 8, minWidth: 0 }} data-testid="caseload">
      <div style={{ display: "grid", gap: 4 }}>
        <Switch
          checked={pending ?? onDuty}
          disabled={pending !== undefined}
          label={text.queueDutyLabel}
          onChange={(_event, toggle) => void setDuty(toggle.checked)}
          data-testid="duty-switch"
        />
        <Text size={200} role="status" data-testid="duty-status">
          {onDuty ? text.queueDutyOn : text.queueDutyOff}
        </Text>
      </div>
      {dutyFailed && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{text.queueDutyFailed}</MessageBarBody>
        </MessageBar>
      )}
      <MessageBar intent={atCap ? "warning" : "info"} layout="multiline">
        <MessageBarBody data-testid="caseload-summary">
          {formatMessage("caseloadSummary", { active: String(activeCases), cap: String(caseloadCap) })}
          {atCap && ` ${text.caseloadAtCap}`}
        </MessageBarBody>
      </MessageBar>
      {crisisRecently && (
        <MessageBar intent="info" layout="multiline" data-testid="crisis-nudge">
          <MessageBarBody>{text.caseloadCrisisNudge}</MessageBarBody>
        </MessageBar>
      )}
      {refresherDue && (trainingStatus === "due_soon" || trainingStatus === "overdue") && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {formatMessage("caseloadRefresherDue", { date: localDateText(refresherDue, session.context.locale) })}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
