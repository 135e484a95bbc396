import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text, Title2, Title3 } from "@fluentui/react-components";
import { Suspense, lazy, useCallback, useMemo, useState } from "react";
import { countryOfLocale, crisisResourcesOrDefaults } from "../../../shared/resources/crisis-lines.js";
import { DEFAULT_RESOURCES, type Resource, type ResourceCategory } from "../../../shared/resources/resource-catalogue.js";
import type { ResourceInput } from "../../../shared/resources/resource-schema.js";
import { searchResources } from "../../../shared/resources/resource-search.js";
import { ApiError } from "../api/api-client.js";
import type { ListedResource } from "../../../shared/api/index.js";
import { ErrorState } from "../components/error-state.js";
import { inViewerLanguage } from "../i18n/shipped-resources.js";
import { useMessages } from "../i18n/use-messages.js";
import { EmergencyLines } from "../resources/emergency-lines.js";
import { ResourceCard } from "../resources/resource-card.js";
import { ResourceFilters } from "../resources/resource-filters.js";
import type { Session } from "../session.js";
import { useLoad } from "../use-load.js";

// Only admins edit, and the editor brings zod: it stays out of what members download.
const ResourceEditor = lazy(() => import("../resources/resource-editor.js").then((module) => ({ default: module.ResourceEditor })));

type Editing = { mode: "new" } | { mode: "edit"; listed: ListedResource };
type Notice = { intent: "success" | "error"; message: string };

/** Resources: the emergency block first, then the tenant's catalogue to search and filter. Admins edit it here. */
export function ResourcesPage({ session }: { session: Session }) {
  const { text, formatMessage, language, errorText } = useMessages();
  const { locale, timeZone } = session.context;
  const ownCountry = countryOfLocale(locale);
  const [country, setCountry] = useState(ownCountry);
  const [me] = useLoad(useCallback(() => session.api.me(), [session]));
  const [catalogue, reload] = useLoad(useCallback(() => session.api.resources(), [session]));
  const [query, setQuery] = useState("");
  const [categories, setCategories] = useState<ResourceCategory[]>([]);
  const [editing, setEditing] = useState<Editing>();
  const [editorKey, setEditorKey] = useState(0);
  const [conflict, setConflict] = useState(false);
  const [confirming, setConfirming] = useState<ListedResource>();
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>();

  const listed = useMemo(() => (catalogue.status === "ready" ? catalogue.data.resources : []), [catalogue]);
  // Shipped entries read in the viewer's language until an admin rewords them; the editor gets them as stored.
  const resources = useMemo(() => listed.map((item) => inViewerLanguage(item.resource, language)), [listed, language]);
  const found = useMemo(() => searchResources(resources, query, { categories }), [resources, query, categories]);
  // Until the tenant's lines arrive (or if they cannot), the shipped ones: this block is never empty.
  const crisisLines = crisisResourcesOrDefaults(catalogue.status === "ready" ? resources : DEFAULT_RESOURCES).map((line) =>
    inViewerLanguage(line, language),
  );
  const isAdmin = me.status === "ready" && me.data.roles.includes("admin");

  const run = async (work: () => Promise<unknown>, success: string) => {
    setSaving(true);
    setNotice(undefined);
    try {
      await work();
      setEditing(undefined);
      setConfirming(undefined);
      setConflict(false);
      setNotice({ intent: "success", message: success });
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      // A stale edit keeps the draft on screen: the admin chooses whether to load the other version.
      if (status === 409 && editing) setConflict(true);
      else if (status === 404 && editing) {
        setEditing(undefined);
        setNotice({ intent: "error", message: text.resourcesGone });
      } else setNotice({ intent: "error", message: errorText(error) });
      setConfirming(undefined);
    } finally {
      setSaving(false);
      reload();
    }
  };

  const save = (input: ResourceInput) =>
    void run(
      () =>
        editing?.mode === "edit"
          ? session.api.updateResource(editing.listed.resource.id, input, editing.listed.version)
          : session.api.createResource(input),
      text.resourcesSaved,
    );

  const loadLatest = () => {
    const fresh = editing?.mode === "edit" ? listed.find((item) => item.resource.id === editing.listed.resource.id) : undefined;
    setConflict(false);
    setEditorKey((key) => key + 1);
    if (fresh) setEditing({ mode: "edit", listed: fresh });
    else {
      setEditing(undefined);
      setNotice({ intent: "error", message: text.resourcesGone });
    }
  };

  if (editing)
    return (
      <div style={{ display: "grid", gap: 12 }}>
        {notice && <NoticeBar {...notice} />}
        {conflict && (
          <MessageBar intent="warning" layout="multiline" role="alert" data-testid="resource-conflict">
            <MessageBarBody>{text.resourcesConflict}</MessageBarBody>
            <MessageBarActions>
              <Button onClick={loadLatest}>{text.resourcesLoadLatest}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <Suspense fallback={<Spinner label={text.loading} />}>
          <ResourceEditor
            key={editorKey}
            initial={editing.mode === "edit" ? editing.listed.resource : undefined}
            timeZone={timeZone}
            saving={saving}
            onSave={save}
            onCancel={() => {
              setConflict(false);
              setEditing(undefined);
            }}
          />
        </Suspense>
      </div>
    );

  return (
    <section aria-labelledby="resources-title" style={{ display: "grid", gap: 16 }}>
      <Title2 as="h1" id="resources-title">
        {text.resourcesTitle}
      </Title2>
      <Text>{text.resourcesIntro}</Text>
      <EmergencyLines lines={crisisLines} country={country} ownCountry={ownCountry} locale={locale} onCountryChange={setCountry} />
      <Title3 as="h2">{text.resourcesListHeading}</Title3>
      {notice && <NoticeBar {...notice} />}
      {confirming && (
        <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-label={text.resourcesDelete}>
          <MessageBarBody>{formatMessage("resourcesDeleteConfirm", { title: confirming.resource.title })}</MessageBarBody>
          <MessageBarActions>
            <Button
              appearance="primary"
              disabled={saving}
              onClick={() => void run(() => session.api.deleteResource(confirming.resource.id, confirming.version), text.resourcesDeleted)}
            >
              {text.resourcesDeleteYes}
            </Button>
            <Button onClick={() => setConfirming(undefined)}>{text.resourcesCancel}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {isAdmin && (
        <div>
          <Button
            appearance="primary"
            onClick={() => {
              setEditorKey((key) => key + 1);
              setEditing({ mode: "new" });
            }}
          >
            {text.resourcesAdd}
          </Button>
        </div>
      )}
      <ResourceFilters query={query} categories={categories} onQueryChange={setQuery} onCategoriesChange={setCategories} />
      {catalogue.status === "loading" && <Spinner label={text.loading} />}
      {catalogue.status === "failed" && <ErrorState message={text.resourcesLoadFailed} onRetry={reload} />}
      {catalogue.status === "ready" && (
        <>
          <Text role="status" data-testid="resource-count">
            {resources.length === 0
              ? text.resourcesEmpty
              : found.length === 0
                ? text.resourcesNoMatch
                : formatMessage("resourcesCount", { count: String(found.length), total: String(resources.length) })}
          </Text>
          <div style={{ display: "grid", gap: 12 }}>
            {found.map((resource: Resource) => {
              const item = listed.find((candidate) => candidate.resource.id === resource.id)!;
              return (
                <ResourceCard
                  key={resource.id}
                  resource={resource}
                  locale={locale}
                  isAdmin={isAdmin}
                  onEdit={() => {
                    setEditorKey((key) => key + 1);
                    setEditing({ mode: "edit", listed: item });
                  }}
                  onDelete={() => setConfirming(item)}
                />
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}

function NoticeBar({ intent, message }: Notice) {
  return (
    <MessageBar intent={intent} role={intent === "error" ? "alert" : "status"}>
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}
