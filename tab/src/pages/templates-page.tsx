import {
  Button,
  Card,
  CardHeader,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  Title2,
  Title3,
} from "@fluentui/react-components";
import { useCallback, useState } from "react";
import {
  inputFromTemplate,
  templateDurationSeconds,
  type HuddleTemplate,
  type HuddleTemplateInput,
} from "../../../shared/huddles/templates.js";
import type { ListedTemplate } from "../../../shared/api/index.js";
import { ErrorState } from "../components/error-state.js";
import { TemplateEditor } from "../huddles/template-editor.js";
import type { Messages } from "../i18n/messages.js";
import { templateInViewerLanguage } from "../i18n/shipped-templates.js";
import { useMessages } from "../i18n/use-messages.js";
import type { Session } from "../session.js";
import { useLoad } from "../use-load.js";

type Editing = { mode: "new"; input: HuddleTemplateInput } | { mode: "edit"; listed: ListedTemplate };

const NEW_TEMPLATE: HuddleTemplateInput = { name: "", description: "", steps: [{ title: "", prompt: "", durationSeconds: 120 }] };

/** Facilitators and admins build their organisation's huddle templates here; everyone else can look. */
export function TemplatesPage({ session }: { session: Session }) {
  const messages = useMessages();
  const { text, formatMessage, language, errorText } = messages;
  const [me] = useLoad(useCallback(() => session.api.me(), [session]));
  const [library, reload] = useLoad(useCallback(() => session.api.huddleTemplates(), [session]));
  const [editing, setEditing] = useState<Editing>();
  const [confirming, setConfirming] = useState<ListedTemplate>();
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<{ intent: "success" | "error"; message: string }>();

  if (me.status === "loading" || library.status === "loading") return <Spinner label={text.loading} />;
  if (library.status === "failed") return <ErrorState message={errorText(library.error)} onRetry={reload} />;
  const canEdit = me.status === "ready" && (me.data.roles.includes("facilitator") || me.data.roles.includes("admin"));
  const custom = library.data.templates.filter((listed) => !listed.template.builtIn);
  // Built-ins read (and are copied) in the viewer's language.
  const builtIn = library.data.templates
    .filter((listed) => listed.template.builtIn)
    .map((listed) => ({ ...listed, template: templateInViewerLanguage(listed.template, language) }));

  const run = async (work: () => Promise<unknown>, success: string) => {
    setSaving(true);
    setNotice(undefined);
    try {
      await work();
      setEditing(undefined);
      setConfirming(undefined);
      setNotice({ intent: "success", message: success });
      reload();
    } catch (error) {
      setNotice({ intent: "error", message: errorText(error) });
    } finally {
      setSaving(false);
    }
  };

  if (editing)
    return (
      <>
        {notice && <Notice {...notice} />}
        <TemplateEditor
          initial={editing.mode === "new" ? editing.input : inputFromTemplate(editing.listed.template)}
          saving={saving}
          onCancel={() => setEditing(undefined)}
          onSave={(input) =>
            void run(
              () =>
                editing.mode === "new"
                  ? session.api.createTemplate(input)
                  : session.api.updateTemplate(editing.listed.template.id, input, editing.listed.version ?? ""),
              text.templatesSaved,
            )
          }
        />
      </>
    );

  const row = (listed: ListedTemplate) => (
    <Card key={listed.template.id} data-testid="template-row" data-template-id={listed.template.id}>
      <CardHeader
        header={<Text weight="semibold">{listed.template.name}</Text>}
        description={<Text size={200}>{summaryOf(messages, listed.template)}</Text>}
      />
      {listed.template.description && <Text>{listed.template.description}</Text>}
      {canEdit && (
        <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
          {listed.template.builtIn ? (
            <Button
              size="small"
              aria-label={`${text.templatesCopy}: ${listed.template.name}`}
              onClick={() =>
                setEditing({
                  mode: "new",
                  input: {
                    ...inputFromTemplate(listed.template),
                    name: formatMessage("templatesCopyName", { name: listed.template.name }),
                  },
                })
              }
            >
              {text.templatesCopy}
            </Button>
          ) : (
            <>
              <Button
                size="small"
                aria-label={`${text.templatesEdit}: ${listed.template.name}`}
                onClick={() => setEditing({ mode: "edit", listed })}
              >
                {text.templatesEdit}
              </Button>
              <Button size="small" aria-label={`${text.templatesDelete}: ${listed.template.name}`} onClick={() => setConfirming(listed)}>
                {text.templatesDelete}
              </Button>
            </>
          )}
        </div>
      )}
    </Card>
  );

  return (
    <section aria-labelledby="templates-title" style={{ display: "grid", gap: 12 }}>
      <Title2 as="h1" id="templates-title">
        {text.templatesTitle}
      </Title2>
      <Text>{canEdit ? text.templatesIntro : text.templatesReadOnly}</Text>
      {notice && <Notice {...notice} />}
      {confirming && (
        <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-label={text.templatesDelete}>
          <MessageBarBody>{formatMessage("templatesDeleteConfirm", { name: confirming.template.name })}</MessageBarBody>
          <MessageBarActions>
            <Button
              appearance="primary"
              disabled={saving}
              onClick={() =>
                void run(() => session.api.deleteTemplate(confirming.template.id, confirming.version ?? ""), text.templatesDeleted)
              }
            >
              {text.templatesDeleteYes}
            </Button>
            <Button onClick={() => setConfirming(undefined)}>{text.templatesCancel}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {canEdit && (
        <div>
          <Button appearance="primary" onClick={() => setEditing({ mode: "new", input: NEW_TEMPLATE })}>
            {text.templatesNew}
          </Button>
        </div>
      )}
      <Title3 as="h2">{text.templatesCustomHeading}</Title3>
      {custom.length === 0 ? <Text data-testid="templates-empty">{text.templatesNoneYet}</Text> : custom.map(row)}
      <Title3 as="h2">{text.templatesBuiltInHeading}</Title3>
      {builtIn.map(row)}
    </section>
  );
}

function summaryOf({ formatMessage }: Messages, template: HuddleTemplate): string {
  return formatMessage("templatesSummary", {
    steps: String(template.steps.length),
    minutes: String(Math.round(templateDurationSeconds(template) / 60)),
  });
}

function Notice({ intent, message }: { intent: "success" | "error"; message: string }) {
  return (
    <MessageBar intent={intent} role={intent === "error" ? "alert" : "status"}>
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}
