import { Badge, Button, Card, CardHeader, Text } from "@fluentui/react-components";
import type { Resource } from "../../../shared/resources/resource-catalogue.js";
import { useMessages } from "../i18n/use-messages.js";
import { ContactActions } from "./contact-actions.js";
import { availabilityText, categoryLabel, countryName, languageName, listOf } from "./resource-format.js";

/** One catalogue entry: what it is, when it answers, who it is for, and how to reach it. */
export function ResourceCard({
  resource,
  locale,
  isAdmin,
  onEdit,
  onDelete,
}: {
  resource: Resource;
  locale: string;
  isAdmin: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const messages = useMessages();
  const { text, formatMessage } = messages;
  const availability = availabilityText(messages, resource.availability, locale);
  const details = [
    availability,
    resource.countries.length
      ? formatMessage("resourceCountries", {
          countries: listOf(
            resource.countries.map((code) => countryName(code, locale)),
            locale,
          ),
        })
      : undefined,
    resource.languages.length
      ? formatMessage("resourceLanguages", {
          languages: listOf(
            resource.languages.map((code) => languageName(code, locale)),
            locale,
          ),
        })
      : undefined,
  ].filter(Boolean);
  return (
    <Card data-testid="resource-row" data-resource-id={resource.id}>
      <CardHeader
        header={
          <Text as="h3" weight="semibold" size={400} style={{ margin: 0 }}>
            {resource.title}
          </Text>
        }
        description={
          <Badge appearance="tint" color="informative" style={{ marginTop: 4 }}>
            {categoryLabel(messages, resource.category)}
          </Badge>
        }
      />
      <Text>{resource.description}</Text>
      {details.length > 0 && <Text size={200}>{details.join(" · ")}</Text>}
      <ContactActions contacts={resource.contacts} />
      {resource.body && (
        <details>
          <summary style={{ cursor: "pointer" }}>{formatMessage("resourceRead", { title: resource.title })}</summary>
          <div style={{ display: "grid", gap: 8, paddingTop: 8 }}>
            {resource.body.split(/\n\s*\n/).map((paragraph, index) => (
              <Text as="p" key={index} style={{ margin: 0 }}>
                {paragraph}
              </Text>
            ))}
          </div>
        </details>
      )}
      {resource.source && <Text size={200}>{formatMessage("resourceSource", { source: resource.source })}</Text>}
      {isAdmin && resource.checkAndAdapt && (
        <Text size={200} italic data-testid="check-and-adapt">
          {text.resourceCheckAndAdapt}
        </Text>
      )}
      {isAdmin && (
        <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
          <Button size="small" aria-label={`${text.resourcesEdit}: ${resource.title}`} onClick={onEdit}>
            {text.resourcesEdit}
          </Button>
          <Button size="small" aria-label={`${text.resourcesDelete}: ${resource.title}`} onClick={onDelete}>
            {text.resourcesDelete}
          </Button>
        </div>
      )}
    </Card>
  );
}
