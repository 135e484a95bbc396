/**
 * The Adaptive Card elements the bot sends, typed, and the only place a card gets its `$schema`
 * and `version`. Only what the bot uses is here: a new element or property is added to these types
 * first, and every-card-is-valid.spec.ts checks all builders' output against the official 1.5
 * schema. Cards stay plain JSON, so they can be compared in tests and rendered by any host.
 *
 * The builders take an element's properties in the order the card writes them and only add `type`
 * in front, so a card's JSON is exactly what its builder spells out.
 */

export const ADAPTIVE_CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
/** Teams renders 1.5 on desktop, web and mobile; Action.Execute (1.4) and heading style (1.5) need it. */
export const ADAPTIVE_CARD_VERSION = "1.5";

export type Spacing = "None" | "Small" | "Default" | "Medium" | "Large" | "ExtraLarge" | "Padding";
export type TextColor = "Default" | "Dark" | "Light" | "Accent" | "Good" | "Warning" | "Attention";
export type TextSize = "Default" | "Small" | "Medium" | "Large" | "ExtraLarge";
export type TextWeight = "Default" | "Lighter" | "Bolder";
export type ContainerStyle = "default" | "emphasis" | "good" | "attention" | "warning" | "accent";
export type ActionStyle = "default" | "positive" | "destructive";

export interface TextBlock {
  type: "TextBlock";
  text: string;
  wrap?: boolean;
  size?: TextSize;
  weight?: TextWeight;
  color?: TextColor;
  isSubtle?: boolean;
  spacing?: Spacing;
  /** "heading" (1.5) lets screen readers announce it as one. */
  style?: "default" | "heading";
}

export interface Container {
  type: "Container";
  items: CardElement[];
  style?: ContainerStyle;
  bleed?: boolean;
  spacing?: Spacing;
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet {
  type: "FactSet";
  facts: Fact[];
}

export interface Column {
  type: "Column";
  items: CardElement[];
  width?: "auto" | "stretch";
}

export interface ColumnSet {
  type: "ColumnSet";
  columns: Column[];
}

export interface ActionSet {
  type: "ActionSet";
  actions: CardAction[];
}

export interface InputText {
  type: "Input.Text";
  id: string;
  label?: string;
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
  value?: string;
}

export interface Choice {
  title: string;
  value: string;
}

export interface InputChoiceSet {
  type: "Input.ChoiceSet";
  id: string;
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
  style?: "compact" | "expanded";
  value?: string;
  choices: Choice[];
}

export interface InputToggle {
  type: "Input.Toggle";
  id: string;
  title: string;
  valueOn?: string;
  valueOff?: string;
  value?: string;
}

export type CardElement = TextBlock | Container | FactSet | ColumnSet | ActionSet | InputText | InputChoiceSet | InputToggle;

/** What an Action.Execute sends back with its verb: plain JSON the bot's verb handlers parse. */
export type ActionData = Record<string, string>;

export interface ActionExecute {
  type: "Action.Execute";
  verb: string;
  title?: string;
  style?: ActionStyle;
  data?: ActionData;
}

export interface ActionOpenUrl {
  type: "Action.OpenUrl";
  title: string;
  url: string;
}

export type CardAction = ActionExecute | ActionOpenUrl;

/** Teams re-asks the bot for the card (with the refresh action's verb) when a listed user opens it. */
export interface CardRefresh {
  action: ActionExecute;
  userIds: string[];
}

/** An Adaptive Card 1.5 payload. */
export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: typeof ADAPTIVE_CARD_VERSION;
  refresh?: CardRefresh;
  body: CardElement[];
  actions?: CardAction[];
}

type Properties<Element extends { type: string }> = Omit<Element, "type">;

/** A card from its parts; `actions` and `refresh` are written only when given (an empty list is written). */
export function adaptiveCard(parts: {
  refresh?: CardRefresh | undefined;
  body: CardElement[];
  actions?: CardAction[] | undefined;
}): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    ...(parts.refresh ? { refresh: parts.refresh } : {}),
    body: parts.body,
    ...(parts.actions ? { actions: parts.actions } : {}),
  };
}

export const textBlock = (properties: Properties<TextBlock>): TextBlock => ({ type: "TextBlock", ...properties });
export const container = (properties: Properties<Container>): Container => ({ type: "Container", ...properties });
export const factSet = (properties: Properties<FactSet>): FactSet => ({ type: "FactSet", ...properties });
export const column = (properties: Properties<Column>): Column => ({ type: "Column", ...properties });
export const columnSet = (properties: Properties<ColumnSet>): ColumnSet => ({ type: "ColumnSet", ...properties });
export const actionSet = (properties: Properties<ActionSet>): ActionSet => ({ type: "ActionSet", ...properties });
export const inputText = (properties: Properties<InputText>): InputText => ({ type: "Input.Text", ...properties });
export const inputChoiceSet = (properties: Properties<InputChoiceSet>): InputChoiceSet => ({ type: "Input.ChoiceSet", ...properties });
export const inputToggle = (properties: Properties<InputToggle>): InputToggle => ({ type: "Input.Toggle", ...properties });
export const executeAction = (properties: Properties<ActionExecute>): ActionExecute => ({ type: "Action.Execute", ...properties });
export const openUrlAction = (properties: Properties<ActionOpenUrl>): ActionOpenUrl => ({ type: "Action.OpenUrl", ...properties });
