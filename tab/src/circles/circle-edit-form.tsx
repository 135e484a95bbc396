import { Button, Checkbox, Field, Input } from "@fluentui/react-components";
import { useState } from "react";
import type { CircleEditInput, CircleView } from "../../../shared/circles/circle-programme.js";
import { useMessages } from "../i18n/use-messages.js";

/**
 * An admin's edit of one circle: its name, topic and Teams join link, and members to take out. The
 * server validates again (https links only); this form just keeps obvious mistakes from being sent.
 */
export function CircleEditForm({
  circle,
  saving,
  onSave,
  onCancel,
}: {
  circle: CircleView;
  saving: boolean;
  onSave: (change: CircleEditInput) => void;
  onCancel: () => void;
}) {
  const { text, formatMessage } = useMessages();
  const [name, setName] = useState(circle.name);
  const [topic, setTopic] = useState(circle.topic ?? "");
  const [joinUrl, setJoinUrl] = useState(circle.joinUrl ?? "");
  const [removing, setRemoving] = useState<string[]>([]);
  const linkProblem = joinUrl && !/^https:\/\/\S+$/.test(joinUrl) ? text.circleEditJoinUrlInvalid : null;
  return (
    <form
      aria-label={formatMessage("circleEditTitle", { name: circle.name })}
      style={{ display: "grid", gap: 8 }}
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim() || linkProblem) return;
        onSave({
          name: name.trim(),
          topic: topic.trim(),
          joinUrl: joinUrl.trim(),
          ...(removing.length ? { removeMembers: removing } : {}),
        });
      }}
    >
      <Field label={text.circleEditName} required>
        <Input value={name} maxLength={80} onChange={(_event, data) => setName(data.value)} />
      </Field>
      <Field label={text.circleEditTopic}>
        <Input value={topic} maxLength={120} onChange={(_event, data) => setTopic(data.value)} />
      </Field>
      <Field label={text.circleEditJoinUrl} validationMessage={linkProblem}>
        <Input type="url" value={joinUrl} onChange={(_event, data) => setJoinUrl(data.value)} />
      </Field>
      <fieldset style={{ border: "none", margin: 0, padding: 0, display: "grid", gap: 4 }}>
        <legend>{text.circleEditRemove}</legend>
        {circle.members.map((member) => (
          <Checkbox
            key={member.userId}
            label={member.displayName || text.someone}
            checked={removing.includes(member.userId)}
            onChange={(_event, data) =>
              setRemoving((current) => (data.checked ? [...current, member.userId] : current.filter((id) => id !== member.userId)))
            }
          />
        ))}
      </fieldset>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button appearance="primary" type="submit" disabled={saving || !name.trim() || Boolean(linkProblem)}>
          {text.circleEditSave}
        </Button>
        <Button onClick={onCancel}>{text.circleEditCancel}</Button>
      </div>
    </form>
  );
}
