import { Button, Field, SearchBox, ToggleButton } from "@fluentui/react-components";
import { RESOURCE_CATEGORIES, type ResourceCategory } from "../../../shared/resources/resource-catalogue.js";
import { useMessages } from "../i18n/use-messages.js";
import { categoryLabel } from "./resource-format.js";

/** The search box and one toggle per category; no category chosen means all of them. */
export function ResourceFilters({
  query,
  categories,
  onQueryChange,
  onCategoriesChange,
}: {
  query: string;
  categories: readonly ResourceCategory[];
  onQueryChange: (query: string) => void;
  onCategoriesChange: (categories: ResourceCategory[]) => void;
}) {
  const messages = useMessages();
  const { text } = messages;
  const toggle = (category: ResourceCategory) =>
    onCategoriesChange(categories.includes(category) ? categories.filter((chosen) => chosen !== category) : [...categories, category]);
  return (
    <div style={{ display: "grid", gap: 8 }}>
      <Field label={text.resourcesSearch} hint={text.resourcesSearchHint} style={{ maxWidth: 480 }}>
        <SearchBox
          value={query}
          onChange={(_event, data) => onQueryChange(data.value)}
          // Fluent's own label for the clear button is the English "clear".
          dismiss={{ "aria-label": text.resourcesSearchClear }}
          data-testid="resource-search"
        />
      </Field>
      <div role="group" aria-label={text.resourcesCategories} style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button
          size="small"
          aria-pressed={categories.length === 0}
          appearance={categories.length === 0 ? "primary" : "secondary"}
          onClick={() => onCategoriesChange([])}
        >
          {text.resourcesAllCategories}
        </Button>
        {RESOURCE_CATEGORIES.map((category) => (
          <ToggleButton key={category} size="small" checked={categories.includes(category)} onClick={() => toggle(category)}>
            {categoryLabel(messages, category)}
          </ToggleButton>
        ))}
      </div>
    </div>
  );
}
