/**
 * An emulator of the Notion API (version 2025-09-03) on loopback HTTP, for the sync's tests and
 * bench. It is as strict as Notion where the sync could go wrong: it requires the Authorization
 * and Notion-Version headers, rejects unknown properties and wrongly shaped values with Notion's
 * `validation_error` body, paginates at most 100 results with `start_cursor`/`has_more`/
 * `next_cursor`, and answers with the shapes recorded from the real API (the recordings of the
 * notion-sdk-py project, MIT). It can be told to answer 429, 500, 502 or to hang, before or
 * after acting on a request, and to enforce a rate limit of its own.
 *
 * Endpoints: POST /v1/databases, GET /v1/databases/:id, GET and PATCH /v1/data_sources/:id,
 * POST /v1/data_sources/:id/query, POST /v1/pages, GET /v1/pages/:id, PATCH /v1/pages/:id,
 * GET /v1/users/:id (people added with addPerson, mentioned in rich text as `@Name`).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const EMULATOR_NOTION_VERSION = '2025-09-03';
const BOT_USER = '7775f3a3-893f-43fa-b625-460c61094c78';
const PERSON_USER = 'a4f789cc-7bc8-4cf0-82b9-a8ba7d985ecf';
const MAX_PAGE_SIZE = 100;
const RICH_TEXT_MAX = 2000;
const ARRAY_MAX = 100;

export type PropertyType = 'title' | 'rich_text' | 'select' | 'date' | 'url' | 'relation' | 'number' | 'checkbox';
const SUPPORTED_TYPES: PropertyType[] = ['title', 'rich_text', 'select', 'date', 'url', 'relation', 'number', 'checkbox'];

interface SelectOption {
  id: string;
  name: string;
  color: string;
  description: null;
}

export interface PropertySchema {
  id: string;
  name: string;
  type: PropertyType;
  options?: SelectOption[];
  relation?: { data_source_id: string; database_id: string };
}

interface TextRun {
  content: string;
  link: { url: string } | null;
  /** A mention of a person of the workspace (content is then `@Name`). */
  mention?: { userId: string };
}

interface EmulatedPerson {
  id: string;
  name: string;
  email: string;
}

type StoredValue =
  | { type: 'title' | 'rich_text'; value: TextRun[] }
  | { type: 'select'; value: SelectOption | null }
  | { type: 'date'; value: { start: string; end: string | null } | null }
  | { type: 'url'; value: string | null }
  | { type: 'relation'; value: string[] }
  | { type: 'number'; value: number | null }
  | { type: 'checkbox'; value: boolean };

export interface EmulatedPage {
  id: string;
  parent: { type: 'page_id'; page_id: string } | { type: 'data_source_id'; data_source_id: string; database_id: string };
  createdTime: string;
  lastEditedTime: string;
  lastEditedBy: string;
  inTrash: boolean;
  /** Values by property ID (database pages) — plain pages keep their title only. */
  values: Map<string, StoredValue>;
  title: string;
}

interface EmulatedDatabase {
  id: string;
  title: string;
  parentPageId: string;
  dataSourceIds: string[];
  createdTime: string;
  lastEditedTime: string;
}

export interface EmulatedDataSource {
  id: string;
  databaseId: string;
  title: string;
  properties: PropertySchema[];
  createdTime: string;
  lastEditedTime: string;
}

export type FaultKind = 'rate_limit' | 'server_error' | 'bad_gateway' | 'hang';

export interface FaultSpec {
  kind: FaultKind;
  /** `after`: the request is acted upon, then the answer is replaced by the fault. */
  phase?: 'before' | 'after';
  /** Retry-After sent with a 429 (seconds). */
  retryAfterSeconds?: number;
  /** Which requests the fault applies to (all by default). */
  match?: (request: { method: string; path: string }) => boolean;
}

export interface RequestRecord {
  method: string;
  path: string;
  status: number | null;
  fault: FaultKind | null;
  at: number;
}

interface ApiError {
  status: number;
  code: string;
  message: string;
}

class NotionApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

const validation = (message: string) => new NotionApiError(400, 'validation_error', message);
const notFound = (id: string, what = 'block') =>
  new NotionApiError(404, 'object_not_found', `Could not find ${what} with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`);

export interface EmulatorOptions {
  token?: string;
  /** Clock of the emulated workspace (page times are rounded to the minute, as Notion does). */
  now?: () => Date;
}

export interface NotionEmulator {
  readonly url: string;
  readonly token: string;
  readonly requests: RequestRecord[];
  /** Faults injected so far (rate limiter 429s not included). */
  readonly faultsInjected: number;
  /** 429 answers given by the rate limiter. */
  readonly rateLimitedCount: number;
  /** A page (outside any database) to use as the parent of new databases. */
  addWorkspacePage(title: string): string;
  failNext(fault: FaultSpec, count?: number): void;
  failRandomly(options: { rate: number; faults: FaultSpec[]; seed?: number }): void;
  stopFailing(): void;
  /** Answers 429 past `rps` requests per second on average, with bursts up to `burst`. */
  rateLimit(options: { rps: number; burst: number } | null): void;
  /** Called after each request is answered (or left hanging). */
  onRequest(listener: ((record: RequestRecord) => void) | null): void;
  database(id: string): EmulatedDatabase | undefined;
  dataSource(id: string): EmulatedDataSource | undefined;
  dataSourceOf(databaseId: string): EmulatedDataSource;
  /** Pages of a data source (trashed ones only when asked). */
  pagesOf(dataSourceId: string, options?: { includeTrashed?: boolean }): EmulatedPage[];
  /** Plain values of a page by property name: text, option name, date start, URL or page IDs. */
  readPage(pageId: string): Record<string, string | string[] | number | boolean | null>;
  /** An edit made by a person in Notion (request-shaped property values). */
  editPage(pageId: string, properties: Record<string, unknown>): void;
  trashPage(pageId: string): void;
  /** A person of the workspace (GET /v1/users/:id answers with their e-mail); returns their ID. */
  addPerson(name: string, email: string): string;
  /** A second data source added to a database in Notion's interface (a title property only); returns its ID. */
  addDataSource(databaseId: string, title: string): string;
  /** Creates a page in a data source directly, as a person would (request-shaped values). */
  addPage(dataSourceId: string, properties: Record<string, unknown>): string;
  resetRequests(): void;
  close(): Promise<void>;
}

/** Small seeded generator, so a test's random faults are the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
function normaliseId(id: string): string {
  const hex = id.replace(/-/g, '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
function isId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const DEFAULT_ANNOTATIONS = {
  bold: false,
  italic: false,
  strikethrough: false,
  underline: false,
  code: false,
  color: 'default',
};

function richTextResponse(runs: TextRun[]) {
  return runs.map((run) => {
    const shared = { annotations: { ...DEFAULT_ANNOTATIONS }, plain_text: run.content };
    if (run.mention) {
      return { type: 'mention', mention: { type: 'user', user: { object: 'user', id: run.mention.userId } }, ...shared, href: null };
    }
    return { type: 'text', text: { content: run.content, link: run.link }, ...shared, href: run.link?.url ?? null };
  });
}

const COLORS = ['default', 'gray', 'brown', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink', 'red'];

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value.slice(0, 10)));
}

export async function startNotionEmulator(options: EmulatorOptions = {}): Promise<NotionEmulator> {
  const token = options.token ?? `ntn_emulator_${randomUUID().replace(/-/g, '')}`;
  const now = options.now ?? (() => new Date());
  const pages = new Map<string, EmulatedPage>();
  const databases = new Map<string, EmulatedDatabase>();
  const persons = new Map<string, EmulatedPerson>();
  const dataSources = new Map<string, EmulatedDataSource>();
  const requests: RequestRecord[] = [];
  const queued: FaultSpec[] = [];
  let random: { rate: number; faults: FaultSpec[]; next: () => number } | null = null;
  let limiter: { rps: number; burst: number; tokens: number; at: number } | null = null;
  let listener: ((record: RequestRecord) => void) | null = null;
  let faultsInjected = 0;
  let rateLimitedCount = 0;

  /** Notion rounds page times down to the minute. */
  const minute = () => {
    const date = now();
    date.setUTCSeconds(0, 0);
    return date.toISOString();
  };
  const exact = () => now().toISOString();
  const shortId = () => Math.random().toString(36).slice(2, 6);
  const pageUrl = (page: EmulatedPage) => {
    const slug = (pageTitle(page) || 'Untitled').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return `https://www.notion.so/${slug ? `${slug}-` : ''}${page.id.replace(/-/g, '')}`;
  };

  function pageTitle(page: EmulatedPage): string {
    if (page.parent.type === 'page_id') return page.title;
    const source = dataSources.get(page.parent.data_source_id);
    const titleProperty = source?.properties.find((property) => property.type === 'title');
    const value = titleProperty ? page.values.get(titleProperty.id) : undefined;
    return value && (value.type === 'title' || value.type === 'rich_text') ? value.value.map((run) => run.content).join('') : '';
  }

  // ---------------------------------------------------------------- responses

  function user(id: string) {
    return { object: 'user', id };
  }

  function propertyValueResponse(schema: PropertySchema, stored: StoredValue | undefined) {
    const base = { id: schema.id, type: schema.type };
    switch (schema.type) {
      case 'title':
      case 'rich_text':
        return { ...base, [schema.type]: richTextResponse(stored && (stored.type === 'title' || stored.type === 'rich_text') ? stored.value : []) };
      case 'select':
        return { ...base, select: stored?.type === 'select' && stored.value ? { id: stored.value.id, name: stored.value.name, color: stored.value.color } : null };
      case 'date':
        return { ...base, date: stored?.type === 'date' && stored.value ? { start: stored.value.start, end: stored.value.end, time_zone: null } : null };
      case 'url':
        return { ...base, url: stored?.type === 'url' ? stored.value : null };
      case 'relation':
        return { ...base, relation: (stored?.type === 'relation' ? stored.value : []).map((id) => ({ id })), has_more: false };
      case 'number':
        return { ...base, number: stored?.type === 'number' ? stored.value : null };
      case 'checkbox':
        return { ...base, checkbox: stored?.type === 'checkbox' ? stored.value : false };
    }
  }

  function pageResponse(page: EmulatedPage) {
    let properties: Record<string, unknown>;
    if (page.parent.type === 'data_source_id') {
      const source = dataSources.get(page.parent.data_source_id)!;
      properties = Object.fromEntries(source.properties.map((schema) => [schema.name, propertyValueResponse(schema, page.values.get(schema.id))]));
    } else {
      properties = { title: { id: 'title', type: 'title', title: richTextResponse([{ content: page.title, link: null }]) } };
    }
    return {
      object: 'page',
      id: page.id,
      created_time: page.createdTime,
      last_edited_time: page.lastEditedTime,
      created_by: user(BOT_USER),
      last_edited_by: user(page.lastEditedBy),
      cover: null,
      icon: null,
      parent: page.parent,
      in_trash: page.inTrash,
      is_archived: page.inTrash,
      is_locked: false,
      properties,
      url: pageUrl(page),
      public_url: null,
      archived: page.inTrash,
    };
  }

  function schemaResponse(schema: PropertySchema) {
    const base = { id: schema.id, name: schema.name, description: null, type: schema.type };
    switch (schema.type) {
      case 'select':
        return { ...base, select: { options: schema.options ?? [] } };
      case 'relation':
        return {
          ...base,
          relation: { data_source_id: schema.relation!.data_source_id, database_id: schema.relation!.database_id, type: 'single_property', single_property: {} },
        };
      case 'number':
        return { ...base, number: { format: 'number' } };
      default:
        return { ...base, [schema.type]: {} };
    }
  }

  function dataSourceResponse(source: EmulatedDataSource) {
    const database = databases.get(source.databaseId)!;
    return {
      object: 'data_source',
      id: source.id,
      cover: null,
      icon: null,
      created_time: source.createdTime,
      created_by: user(BOT_USER),
      last_edited_by: user(BOT_USER),
      last_edited_time: source.lastEditedTime,
      title: richTextResponse([{ content: source.title, link: null }]),
      description: [],
      is_inline: false,
      properties: Object.fromEntries(source.properties.map((schema) => [schema.name, schemaResponse(schema)])),
      parent: { type: 'database_id', database_id: source.databaseId },
      database_parent: { type: 'page_id', page_id: database.parentPageId },
      url: `https://www.notion.so/${source.databaseId.replace(/-/g, '')}`,
      public_url: null,
      in_trash: false,
      archived: false,
    };
  }

  function databaseResponse(database: EmulatedDatabase) {
    return {
      object: 'database',
      id: database.id,
      title: richTextResponse([{ content: database.title, link: null }]),
      description: [],
      parent: { type: 'page_id', page_id: database.parentPageId },
      is_inline: false,
      in_trash: false,
      is_locked: false,
      created_time: database.createdTime,
      last_edited_time: database.lastEditedTime,
      data_sources: database.dataSourceIds.map((id) => ({ id, name: dataSources.get(id)!.title })),
      icon: null,
      cover: null,
      url: `https://www.notion.so/${database.id.replace(/-/g, '')}`,
      public_url: null,
      archived: false,
    };
  }

  // ---------------------------------------------------------------- validation

  function richTextRuns(value: unknown, path: string): TextRun[] {
    if (!Array.isArray(value)) throw validation(`body failed validation: ${path} should be an array, instead was \`${JSON.stringify(value)}\`.`);
    if (value.length > ARRAY_MAX) throw validation(`body failed validation: ${path}.length should be ≤ \`${ARRAY_MAX}\`, instead was \`${value.length}\`.`);
    return value.map((item, index) => {
      const itemPath = `${path}[${index}]`;
      if (!isRecord(item)) throw validation(`body failed validation: ${itemPath} should be an object, instead was \`${JSON.stringify(item)}\`.`);
      if (item.type === 'mention') return mentionRun(item, itemPath);
      if (item.type !== undefined && item.type !== 'text') throw validation(`body failed validation: ${itemPath}.type should be \`"text"\` or \`"mention"\`, instead was \`${JSON.stringify(item.type)}\`.`);
      const text = item.text;
      if (!isRecord(text) || typeof text.content !== 'string') {
        throw validation(`body failed validation: ${itemPath}.text.content should be defined, instead was \`undefined\`.`);
      }
      if (text.content.length > RICH_TEXT_MAX) {
        throw validation(`body failed validation: ${itemPath}.text.content.length should be ≤ \`${RICH_TEXT_MAX}\`, instead was \`${text.content.length}\`.`);
      }
      const link = isRecord(text.link) && typeof text.link.url === 'string' ? { url: text.link.url } : null;
      return { content: text.content, link };
    });
  }

  /** `{ type: 'mention', mention: { user: { id } } }`: a person of the workspace, shown as `@Name`. */
  function mentionRun(item: Record<string, unknown>, itemPath: string): TextRun {
    const mention = item.mention;
    const mentioned = isRecord(mention) && isRecord(mention.user) ? mention.user.id : undefined;
    if (!isId(mentioned)) throw validation(`body failed validation: ${itemPath}.mention.user.id should be a valid uuid, instead was \`${JSON.stringify(mentioned)}\`.`);
    const person = persons.get(normaliseId(mentioned));
    if (!person) throw notFound(normaliseId(mentioned), 'user');
    return { content: `@${person.name}`, link: null, mention: { userId: person.id } };
  }

  function personResponse(person: EmulatedPerson) {
    return { object: 'user', id: person.id, name: person.name, avatar_url: null, type: 'person', person: { email: person.email } };
  }

  function findProperty(source: EmulatedDataSource, key: string): PropertySchema | undefined {
    return source.properties.find((property) => property.name === key) ?? source.properties.find((property) => property.id === key);
  }

  function parseValue(schema: PropertySchema, key: string, raw: unknown): StoredValue {
    const path = `body.properties.${key}`;
    if (!isRecord(raw)) throw validation(`body failed validation: ${path} should be an object, instead was \`${JSON.stringify(raw)}\`.`);
    const given = SUPPORTED_TYPES.filter((type) => type in raw);
    if ((raw.type !== undefined && raw.type !== schema.type) || !(schema.type in raw) || given.length !== 1) {
      throw validation(`${key} is expected to be ${schema.type}.`);
    }
    const value = raw[schema.type];
    switch (schema.type) {
      case 'title':
      case 'rich_text':
        return { type: schema.type, value: richTextRuns(value, `${path}.${schema.type}`) };
      case 'select': {
        if (value === null) return { type: 'select', value: null };
        if (!isRecord(value)) throw validation(`body failed validation: ${path}.select should be an object or \`null\`, instead was \`${JSON.stringify(value)}\`.`);
        const options = (schema.options ??= []);
        if (typeof value.id === 'string') {
          const option = options.find((candidate) => candidate.id === value.id);
          if (!option) throw validation(`Select option with id ${value.id} does not exist for property ${key}.`);
          return { type: 'select', value: option };
        }
        if (typeof value.name !== 'string' || value.name.trim() === '') {
          throw validation(`body failed validation: ${path}.select.name should be defined, instead was \`undefined\`.`);
        }
        if (value.name.includes(',')) throw validation(`Select option names cannot contain commas (${key}).`);
        if (value.name.length > 100) throw validation(`body failed validation: ${path}.select.name.length should be ≤ \`100\`, instead was \`${value.name.length}\`.`);
        let option = options.find((candidate) => candidate.name === value.name);
        if (!option) {
          // Notion adds an option it does not know yet.
          option = { id: shortId(), name: value.name, color: 'default', description: null };
          options.push(option);
        }
        return { type: 'select', value: option };
      }
      case 'date': {
        if (value === null) return { type: 'date', value: null };
        if (!isRecord(value) || !isIsoDate(value.start)) {
          throw validation(`body failed validation: ${path}.date.start should be a valid ISO 8601 date string, instead was \`${JSON.stringify(isRecord(value) ? value.start : value)}\`.`);
        }
        if (value.end !== undefined && value.end !== null && !isIsoDate(value.end)) throw validation(`body failed validation: ${path}.date.end should be a valid ISO 8601 date string.`);
        return { type: 'date', value: { start: value.start, end: (value.end as string | null | undefined) ?? null } };
      }
      case 'url':
        if (value !== null && (typeof value !== 'string' || value.length > 2000 || value === '')) {
          throw validation(`body failed validation: ${path}.url should be a string of at most 2000 characters or \`null\`.`);
        }
        return { type: 'url', value: value as string | null };
      case 'relation': {
        if (!Array.isArray(value)) throw validation(`body failed validation: ${path}.relation should be an array, instead was \`${JSON.stringify(value)}\`.`);
        if (value.length > ARRAY_MAX) throw validation(`body failed validation: ${path}.relation.length should be ≤ \`${ARRAY_MAX}\`, instead was \`${value.length}\`.`);
        const ids = value.map((item, index) => {
          if (!isRecord(item) || !isId(item.id)) throw validation(`body failed validation: ${path}.relation[${index}].id should be a valid uuid, instead was \`${JSON.stringify(isRecord(item) ? item.id : item)}\`.`);
          const id = normaliseId(item.id);
          const target = pages.get(id);
          if (!target || target.parent.type !== 'data_source_id' || target.parent.data_source_id !== schema.relation!.data_source_id) {
            throw validation(`Relation ${key} refers to page ${id}, which is not in the related data source.`);
          }
          return id;
        });
        return { type: 'relation', value: [...new Set(ids)] };
      }
      case 'number':
        if (value !== null && typeof value !== 'number') throw validation(`body failed validation: ${path}.number should be a number or \`null\`.`);
        return { type: 'number', value: value as number | null };
      case 'checkbox':
        if (typeof value !== 'boolean') throw validation(`body failed validation: ${path}.checkbox should be a boolean.`);
        return { type: 'checkbox', value };
    }
  }

  function applyProperties(page: EmulatedPage, source: EmulatedDataSource, properties: unknown): void {
    if (properties === undefined) return;
    if (!isRecord(properties)) throw validation('body failed validation: body.properties should be an object.');
    const parsed: Array<[string, StoredValue]> = [];
    for (const [key, raw] of Object.entries(properties)) {
      const schema = findProperty(source, key);
      if (!schema) throw validation(`${key} is not a property that exists.`);
      parsed.push([schema.id, parseValue(schema, key, raw)]);
    }
    // All or nothing, as Notion does: a bad value leaves the page untouched.
    for (const [id, value] of parsed) page.values.set(id, value);
  }

  function rejectUnknownKeys(body: Record<string, unknown>, allowed: string[]): void {
    for (const key of Object.keys(body)) {
      if (!allowed.includes(key)) throw validation(`body failed validation: body.${key} should be not present, instead was \`${JSON.stringify(body[key])}\`.`);
    }
  }

  // ---------------------------------------------------------------- endpoints

  /** One property definition as databases.create and data_sources.update take it; a wrong one is a validation_error. */
  function propertySchema(name: string, config: unknown, path: string): PropertySchema {
    if (!isRecord(config)) throw validation(`body failed validation: ${path}.${name} should be an object.`);
    const types = SUPPORTED_TYPES.filter((type) => type in config);
    const type = types[0];
    if (types.length !== 1 || !type || (config.type !== undefined && config.type !== type)) {
      throw validation(`body failed validation: ${path}.${name} should define exactly one property type.`);
    }
    const schema: PropertySchema = { id: type === 'title' ? 'title' : shortId(), name, type };
    if (type === 'select') {
      const select = config.select;
      const options = isRecord(select) && Array.isArray(select.options) ? select.options : [];
      schema.options = options.map((option, index) => {
        if (!isRecord(option) || typeof option.name !== 'string' || option.name.includes(',') || option.name.length > 100) {
          throw validation(`body failed validation: ${path}.${name}.select.options[${index}].name is invalid.`);
        }
        const color = typeof option.color === 'string' && COLORS.includes(option.color) ? option.color : 'default';
        return { id: shortId(), name: option.name, color, description: null };
      });
    }
    if (type === 'relation') {
      const relation = config.relation;
      if (!isRecord(relation) || !isId(relation.data_source_id)) {
        throw validation(`body failed validation: ${path}.${name}.relation.data_source_id should be defined, instead was \`undefined\`.`);
      }
      const target = dataSources.get(normaliseId(relation.data_source_id));
      if (!target) throw notFound(normaliseId(relation.data_source_id), 'data_source');
      schema.relation = { data_source_id: target.id, database_id: target.databaseId };
    }
    return schema;
  }

  /** PATCH /v1/data_sources/:id: adds the properties not yet there (renaming, retyping and removing are not needed here). */
  function updateDataSource(id: string, body: Record<string, unknown>) {
    rejectUnknownKeys(body, ['properties', 'title', 'icon', 'in_trash', 'parent']);
    const source = sourceFor(id);
    const raw = body.properties;
    if (raw !== undefined && !isRecord(raw)) throw validation('body failed validation: body.properties should be an object.');
    for (const [name, config] of Object.entries(raw ?? {})) {
      const schema = propertySchema(name, config, 'body.properties');
      if (schema.type === 'title') throw validation('body failed validation: a data source needs exactly one title property.');
      if (source.properties.some((property) => property.name === name)) throw validation(`body failed validation: body.properties.${name} already exists.`);
      source.properties.push(schema);
    }
    source.lastEditedTime = exact();
    return dataSourceResponse(source);
  }

  function createDatabase(body: Record<string, unknown>) {
    rejectUnknownKeys(body, ['parent', 'title', 'description', 'is_inline', 'initial_data_source', 'icon', 'cover']);
    const parent = body.parent;
    if (!isRecord(parent) || !isId(parent.page_id)) throw validation('body failed validation: body.parent.page_id should be defined, instead was `undefined`.');
    const parentId = normaliseId(parent.page_id);
    const parentPage = pages.get(parentId);
    if (!parentPage || parentPage.inTrash || parentPage.parent.type !== 'page_id') throw notFound(parentId, 'page');
    const title = body.title === undefined ? [] : richTextRuns(body.title, 'body.title');
    const initial = body.initial_data_source;
    const rawProperties = isRecord(initial) && initial.properties !== undefined ? initial.properties : { Name: { title: {} } };
    if (!isRecord(rawProperties)) throw validation('body failed validation: body.initial_data_source.properties should be an object.');
    const properties: PropertySchema[] = [];
    for (const [name, config] of Object.entries(rawProperties)) properties.push(propertySchema(name, config, 'body.initial_data_source.properties'));
    if (properties.filter((property) => property.type === 'title').length !== 1) {
      throw validation('body failed validation: a data source needs exactly one title property.');
    }
    const created = exact();
    const database: EmulatedDatabase = {
      id: randomUUID(),
      title: title.map((run) => run.content).join(''),
      parentPageId: parentId,
      dataSourceIds: [],
      createdTime: created,
      lastEditedTime: created,
    };
    const source: EmulatedDataSource = {
      id: randomUUID(),
      databaseId: database.id,
      title: database.title,
      properties,
      createdTime: minute(),
      lastEditedTime: minute(),
    };
    database.dataSourceIds.push(source.id);
    databases.set(database.id, database);
    dataSources.set(source.id, source);
    return databaseResponse(database);
  }

  function sourceFor(id: string): EmulatedDataSource {
    if (!isId(id)) throw validation(`path failed validation: path.data_source_id should be a valid uuid, instead was \`"${id}"\`.`);
    const source = dataSources.get(normaliseId(id));
    if (!source) throw notFound(normaliseId(id), 'data_source');
    return source;
  }

  function createPage(body: Record<string, unknown>) {
    rejectUnknownKeys(body, ['parent', 'properties', 'icon', 'cover', 'children', 'content', 'markdown', 'template', 'position']);
    const parent = body.parent;
    if (!isRecord(parent)) throw validation('body failed validation: body.parent should be defined, instead was `undefined`.');
    let source: EmulatedDataSource | undefined;
    if (isId(parent.data_source_id)) source = sourceFor(parent.data_source_id);
    else if (isId(parent.database_id)) {
      const database = databases.get(normaliseId(parent.database_id));
      if (!database) throw notFound(normaliseId(parent.database_id), 'database');
      if (database.dataSourceIds.length !== 1) throw validation('Databases with multiple data sources need a data_source_id parent.');
      source = dataSources.get(database.dataSourceIds[0]!)!;
    } else {
      throw validation('body failed validation: body.parent.data_source_id should be defined, instead was `undefined`.');
    }
    const created = minute();
    const page: EmulatedPage = {
      id: randomUUID(),
      parent: { type: 'data_source_id', data_source_id: source.id, database_id: source.databaseId },
      createdTime: created,
      lastEditedTime: created,
      lastEditedBy: BOT_USER,
      inTrash: false,
      values: new Map(),
      title: '',
    };
    applyProperties(page, source, body.properties);
    pages.set(page.id, page);
    return pageResponse(page);
  }

  function pageFor(id: string): EmulatedPage {
    if (!isId(id)) throw validation(`path failed validation: path.page_id should be a valid uuid, instead was \`"${id}"\`.`);
    const page = pages.get(normaliseId(id));
    if (!page) throw notFound(normaliseId(id));
    return page;
  }

  function updatePage(id: string, body: Record<string, unknown>) {
    rejectUnknownKeys(body, ['properties', 'in_trash', 'archived', 'is_archived', 'icon', 'cover', 'is_locked']);
    const page = pageFor(id);
    const trash = body.in_trash ?? body.archived ?? body.is_archived;
    if (trash !== undefined && typeof trash !== 'boolean') throw validation('body failed validation: body.in_trash should be a boolean.');
    if (page.inTrash && trash !== false && body.properties !== undefined) {
      throw validation("Can't edit block that is archived. You must unarchive the block before editing.");
    }
    if (body.properties !== undefined) {
      if (page.parent.type !== 'data_source_id') throw validation('Only pages in a data source have properties other than title.');
      applyProperties(page, dataSources.get(page.parent.data_source_id)!, body.properties);
    }
    if (typeof trash === 'boolean') page.inTrash = trash;
    page.lastEditedTime = minute();
    page.lastEditedBy = BOT_USER;
    return pageResponse(page);
  }

  type Filter = Record<string, unknown>;

  function textMatches(value: string, condition: Record<string, unknown>, path: string): boolean {
    const [operator, operand] = Object.entries(condition)[0] ?? [];
    switch (operator) {
      case 'equals':
        return value === operand;
      case 'does_not_equal':
        return value !== operand;
      case 'contains':
        return value.includes(String(operand));
      case 'does_not_contain':
        return !value.includes(String(operand));
      case 'starts_with':
        return value.startsWith(String(operand));
      case 'ends_with':
        return value.endsWith(String(operand));
      case 'is_empty':
        return value === '';
      case 'is_not_empty':
        return value !== '';
      default:
        throw validation(`body failed validation: ${path} has an unsupported condition \`${String(operator)}\`.`);
    }
  }

  function dateMatches(value: string | null, condition: Record<string, unknown>, path: string): boolean {
    const [operator, operand] = Object.entries(condition)[0] ?? [];
    if (operator === 'is_empty') return value === null;
    if (operator === 'is_not_empty') return value !== null;
    if (!isIsoDate(operand)) throw validation(`body failed validation: ${path}.${String(operator)} should be a valid ISO 8601 date string.`);
    if (value === null) return false;
    const a = Date.parse(value);
    const b = Date.parse(operand);
    switch (operator) {
      case 'equals':
        return value.slice(0, 10) === operand.slice(0, 10);
      case 'before':
        return a < b;
      case 'after':
        return a > b;
      case 'on_or_before':
        return a <= b;
      case 'on_or_after':
        return a >= b;
      default:
        throw validation(`body failed validation: ${path} has an unsupported condition \`${String(operator)}\`.`);
    }
  }

  function matches(page: EmulatedPage, source: EmulatedDataSource, filter: Filter, path: string): boolean {
    if (Array.isArray(filter.and)) return filter.and.every((part, index) => matches(page, source, part as Filter, `${path}.and[${index}]`));
    if (Array.isArray(filter.or)) return filter.or.some((part, index) => matches(page, source, part as Filter, `${path}.or[${index}]`));
    if (typeof filter.timestamp === 'string') {
      const field = filter.timestamp;
      if (field !== 'created_time' && field !== 'last_edited_time') throw validation(`body failed validation: ${path}.timestamp is invalid.`);
      const condition = filter[field];
      if (!isRecord(condition)) throw validation(`body failed validation: ${path}.${field} should be defined.`);
      return dateMatches(field === 'created_time' ? page.createdTime : page.lastEditedTime, condition, `${path}.${field}`);
    }
    if (typeof filter.property !== 'string') throw validation(`body failed validation: ${path}.property should be defined, instead was \`undefined\`.`);
    const schema = findProperty(source, filter.property);
    if (!schema) throw validation(`Could not find property with name or id: ${filter.property}`);
    const conditionKey = SUPPORTED_TYPES.find((type) => type in filter);
    if (conditionKey !== schema.type) {
      throw validation(`body failed validation: ${path}.${schema.type} should be defined, instead was \`undefined\`.`);
    }
    const condition = filter[schema.type];
    if (!isRecord(condition) || Object.keys(condition).length !== 1) {
      throw validation(`body failed validation: ${path}.${schema.type} should have exactly one condition.`);
    }
    const stored = page.values.get(schema.id);
    switch (schema.type) {
      case 'title':
      case 'rich_text': {
        const text = stored && (stored.type === 'title' || stored.type === 'rich_text') ? stored.value.map((run) => run.content).join('') : '';
        return textMatches(text, condition, `${path}.${schema.type}`);
      }
      case 'url':
        return textMatches(stored?.type === 'url' ? (stored.value ?? '') : '', condition, `${path}.url`);
      case 'select': {
        const name = stored?.type === 'select' ? (stored.value?.name ?? '') : '';
        return textMatches(name, condition, `${path}.select`);
      }
      case 'date':
        return dateMatches(stored?.type === 'date' ? (stored.value?.start ?? null) : null, condition, `${path}.date`);
      case 'relation': {
        const ids = stored?.type === 'relation' ? stored.value : [];
        const [operator, operand] = Object.entries(condition)[0]!;
        if (operator === 'contains') return isId(operand) && ids.includes(normaliseId(operand));
        if (operator === 'does_not_contain') return !(isId(operand) && ids.includes(normaliseId(operand)));
        if (operator === 'is_empty') return ids.length === 0;
        if (operator === 'is_not_empty') return ids.length > 0;
        throw validation(`body failed validation: ${path}.relation has an unsupported condition \`${operator}\`.`);
      }
      default:
        throw validation(`body failed validation: filtering on ${schema.type} is not supported here.`);
    }
  }

  function queryDataSource(id: string, body: Record<string, unknown>) {
    rejectUnknownKeys(body, ['filter', 'sorts', 'start_cursor', 'page_size', 'in_trash', 'archived', 'result_type']);
    const source = sourceFor(id);
    const pageSize = body.page_size ?? MAX_PAGE_SIZE;
    if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1) {
      throw validation(`body failed validation: body.page_size should be a positive integer, instead was \`${JSON.stringify(pageSize)}\`.`);
    }
    if (pageSize > MAX_PAGE_SIZE) throw validation(`body failed validation: body.page_size should be ≤ \`${MAX_PAGE_SIZE}\`, instead was \`${pageSize}\`.`);
    const inTrash = body.in_trash === true || body.archived === true;
    let results = [...pages.values()].filter(
      (page) => page.parent.type === 'data_source_id' && page.parent.data_source_id === source.id && page.inTrash === inTrash,
    );
    if (body.filter !== undefined) {
      if (!isRecord(body.filter)) throw validation('body failed validation: body.filter should be an object.');
      const filter = body.filter;
      results = results.filter((page) => matches(page, source, filter, 'body.filter'));
    }
    const sorts = Array.isArray(body.sorts) ? body.sorts : [];
    results.sort((a, b) => {
      for (const sort of sorts) {
        if (!isRecord(sort)) continue;
        const direction = sort.direction === 'descending' ? -1 : 1;
        const field = sort.timestamp === 'created_time' ? 'createdTime' : sort.timestamp === 'last_edited_time' ? 'lastEditedTime' : undefined;
        if (field) {
          const order = a[field].localeCompare(b[field]);
          if (order !== 0) return order * direction;
        }
      }
      // Notion's default order: newest first.
      return b.createdTime.localeCompare(a.createdTime) || a.id.localeCompare(b.id);
    });
    let start = 0;
    if (body.start_cursor !== undefined && body.start_cursor !== null) {
      const cursor = body.start_cursor;
      start = typeof cursor === 'string' && isId(cursor) ? results.findIndex((page) => page.id === normaliseId(cursor)) : -1;
      if (start < 0) throw validation(`start_cursor provided is invalid: ${String(cursor)}`);
    }
    const slice = results.slice(start, start + pageSize);
    const next = results[start + pageSize];
    return {
      object: 'list',
      results: slice.map(pageResponse),
      next_cursor: next ? next.id : null,
      has_more: next !== undefined,
      type: 'page_or_data_source',
      page_or_data_source: {},
    };
  }

  function route(method: string, path: string, body: Record<string, unknown>): unknown {
    const parts = path.split('/').filter(Boolean);
    if (parts[0] !== 'v1') throw new NotionApiError(400, 'invalid_request_url', 'Invalid request URL.');
    const [, resource, id, sub] = parts;
    if (resource === 'databases' && method === 'POST' && !id) return createDatabase(body);
    if (resource === 'databases' && method === 'GET' && id && !sub) {
      if (!isId(id)) throw validation(`path failed validation: path.database_id should be a valid uuid, instead was \`"${id}"\`.`);
      const database = databases.get(normaliseId(id));
      if (!database) throw notFound(normaliseId(id), 'database');
      return databaseResponse(database);
    }
    if (resource === 'data_sources' && method === 'GET' && id && !sub) return dataSourceResponse(sourceFor(id));
    if (resource === 'data_sources' && method === 'PATCH' && id && !sub) return updateDataSource(id, body);
    if (resource === 'data_sources' && method === 'POST' && id && sub === 'query' && parts.length === 4) return queryDataSource(id, body);
    if (resource === 'pages' && method === 'POST' && !id) return createPage(body);
    if (resource === 'pages' && method === 'GET' && id && !sub) return pageResponse(pageFor(id));
    if (resource === 'pages' && method === 'PATCH' && id && !sub) return updatePage(id, body);
    if (resource === 'users' && method === 'GET' && id && !sub) {
      const person = isId(id) ? persons.get(normaliseId(id)) : undefined;
      if (!person) throw notFound(id, 'user');
      return personResponse(person);
    }
    throw new NotionApiError(400, 'invalid_request_url', 'Invalid request URL.');
  }

  // ---------------------------------------------------------------- HTTP

  const hanging = new Set<ServerResponse>();

  function send(response: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}) {
    const text = JSON.stringify(payload);
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
    response.end(text);
  }

  function sendError(response: ServerResponse, error: ApiError, headers: Record<string, string> = {}) {
    send(response, error.status, { object: 'error', status: error.status, code: error.code, message: error.message, request_id: randomUUID() }, headers);
  }

  function pickFault(method: string, path: string): FaultSpec | undefined {
    const index = queued.findIndex((fault) => !fault.match || fault.match({ method, path }));
    if (index >= 0) return queued.splice(index, 1)[0];
    if (random && random.next() < random.rate) {
      const eligible = random.faults.filter((fault) => !fault.match || fault.match({ method, path }));
      if (eligible.length > 0) return eligible[Math.floor(random.next() * eligible.length)];
    }
    return undefined;
  }

  function limited(): number | undefined {
    if (!limiter) return undefined;
    const at = Date.now();
    limiter.tokens = Math.min(limiter.burst, limiter.tokens + ((at - limiter.at) / 1000) * limiter.rps);
    limiter.at = at;
    if (limiter.tokens >= 1) {
      limiter.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - limiter.tokens) / limiter.rps));
  }

  async function readBody(request: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const method = (request.method ?? 'GET').toUpperCase();
    const path = new URL(request.url ?? '/', 'http://emulator').pathname;
    const record: RequestRecord = { method, path, status: null, fault: null, at: Date.now() };
    requests.push(record);
    const finish = (status: number | null) => {
      record.status = status;
      listener?.(record);
    };
    const text = await readBody(request);

    if (request.headers.authorization !== `Bearer ${token}`) {
      sendError(response, { status: 401, code: 'unauthorized', message: 'API token is invalid.' });
      return finish(401);
    }
    const version = request.headers['notion-version'];
    if (version === undefined) {
      sendError(response, {
        status: 400,
        code: 'missing_version',
        message: 'Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.',
      });
      return finish(400);
    }
    if (version !== EMULATOR_NOTION_VERSION) {
      sendError(response, {
        status: 400,
        code: 'validation_error',
        message: `Notion-Version header failed validation: this emulator speaks \`${EMULATOR_NOTION_VERSION}\`, instead was \`${String(version)}\`.`,
      });
      return finish(400);
    }
    const wait = limited();
    if (wait !== undefined) {
      rateLimitedCount += 1;
      sendError(response, { status: 429, code: 'rate_limited', message: 'You have been rate limited. Please try again in a few minutes.' }, { 'retry-after': String(wait) });
      return finish(429);
    }

    const fault = pickFault(method, path);
    if (fault) {
      faultsInjected += 1;
      record.fault = fault.kind;
    }
    const phase = fault?.phase ?? 'before';
    const faultNow = (): boolean => {
      if (!fault) return false;
      switch (fault.kind) {
        case 'rate_limit':
          sendError(response, { status: 429, code: 'rate_limited', message: 'You have been rate limited. Please try again in a few minutes.' }, {
            'retry-after': String(fault.retryAfterSeconds ?? 1),
          });
          finish(429);
          return true;
        case 'server_error':
          sendError(response, { status: 500, code: 'internal_server_error', message: 'Unexpected error occurred.' });
          finish(500);
          return true;
        case 'bad_gateway': {
          const html = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>';
          response.writeHead(502, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(html) });
          response.end(html);
          finish(502);
          return true;
        }
        case 'hang':
          hanging.add(response);
          response.on('close', () => hanging.delete(response));
          finish(null);
          return true;
      }
    };
    // A 429 is never acted upon: Notion refused the request.
    if (fault && (phase === 'before' || fault.kind === 'rate_limit') && faultNow()) return;

    let body: Record<string, unknown> = {};
    if (text.trim() !== '') {
      try {
        const parsed: unknown = JSON.parse(text);
        if (!isRecord(parsed)) throw new Error('not an object');
        body = parsed;
      } catch {
        sendError(response, { status: 400, code: 'invalid_json', message: 'Error parsing JSON body.' });
        return finish(400);
      }
    }
    let result: unknown;
    try {
      result = route(method, path, body);
    } catch (error) {
      if (error instanceof NotionApiError) {
        sendError(response, error);
        return finish(error.status);
      }
      sendError(response, { status: 500, code: 'internal_server_error', message: 'Unexpected error occurred.' });
      return finish(500);
    }
    if (fault && faultNow()) return;
    send(response, 200, { ...(result as object), request_id: randomUUID() });
    finish(200);
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, { status: 500, code: 'internal_server_error', message: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  function plainValues(page: EmulatedPage): Record<string, string | string[] | number | boolean | null> {
    if (page.parent.type !== 'data_source_id') return { title: page.title };
    const source = dataSources.get(page.parent.data_source_id)!;
    const result: Record<string, string | string[] | number | boolean | null> = {};
    for (const schema of source.properties) {
      const stored = page.values.get(schema.id);
      switch (schema.type) {
        case 'title':
        case 'rich_text':
          result[schema.name] = stored && (stored.type === 'title' || stored.type === 'rich_text') ? stored.value.map((run) => run.content).join('') : '';
          break;
        case 'select':
          result[schema.name] = stored?.type === 'select' ? (stored.value?.name ?? null) : null;
          break;
        case 'date':
          result[schema.name] = stored?.type === 'date' ? (stored.value?.start ?? null) : null;
          break;
        case 'relation':
          result[schema.name] = stored?.type === 'relation' ? [...stored.value].sort() : [];
          break;
        default:
          result[schema.name] = stored ? (stored.value as string | number | boolean | null) : null;
      }
    }
    return result;
  }

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    get faultsInjected() {
      return faultsInjected;
    },
    get rateLimitedCount() {
      return rateLimitedCount;
    },
    addWorkspacePage(title) {
      const created = minute();
      const page: EmulatedPage = {
        id: randomUUID(),
        parent: { type: 'page_id', page_id: randomUUID() },
        createdTime: created,
        lastEditedTime: created,
        lastEditedBy: PERSON_USER,
        inTrash: false,
        values: new Map(),
        title,
      };
      pages.set(page.id, page);
      return page.id;
    },
    failNext(fault, count = 1) {
      for (let index = 0; index < count; index += 1) queued.push(fault);
    },
    failRandomly({ rate, faults, seed = 1 }) {
      random = { rate, faults, next: mulberry32(seed) };
    },
    stopFailing() {
      random = null;
      queued.length = 0;
    },
    rateLimit(options) {
      limiter = options ? { ...options, tokens: options.burst, at: Date.now() } : null;
    },
    onRequest(next) {
      listener = next;
    },
    database: (id) => databases.get(normaliseId(id)),
    dataSource: (id) => dataSources.get(normaliseId(id)),
    dataSourceOf(databaseId) {
      const database = databases.get(normaliseId(databaseId));
      const source = database && dataSources.get(database.dataSourceIds[0]!);
      if (!source) throw new Error(`no data source for database ${databaseId}`);
      return source;
    },
    pagesOf(dataSourceId, { includeTrashed = false } = {}) {
      const id = normaliseId(dataSourceId);
      return [...pages.values()].filter(
        (page) => page.parent.type === 'data_source_id' && page.parent.data_source_id === id && (includeTrashed || !page.inTrash),
      );
    },
    readPage(pageId) {
      const page = pages.get(normaliseId(pageId));
      if (!page) throw new Error(`no page ${pageId}`);
      return plainValues(page);
    },
    editPage(pageId, properties) {
      const page = pages.get(normaliseId(pageId));
      if (!page || page.parent.type !== 'data_source_id') throw new Error(`no database page ${pageId}`);
      applyProperties(page, dataSources.get(page.parent.data_source_id)!, properties);
      page.lastEditedTime = minute();
      page.lastEditedBy = PERSON_USER;
    },
    trashPage(pageId) {
      const page = pages.get(normaliseId(pageId));
      if (!page) throw new Error(`no page ${pageId}`);
      page.inTrash = true;
      page.lastEditedBy = PERSON_USER;
    },
    addPerson(name, email) {
      const person = { id: randomUUID(), name, email };
      persons.set(person.id, person);
      return person.id;
    },
    addDataSource(databaseId, title) {
      const database = databases.get(normaliseId(databaseId));
      if (!database) throw new Error(`no database ${databaseId}`);
      const created = minute();
      const source: EmulatedDataSource = {
        id: randomUUID(),
        databaseId: database.id,
        title,
        properties: [{ id: 'title', name: 'Name', type: 'title' }],
        createdTime: created,
        lastEditedTime: created,
      };
      dataSources.set(source.id, source);
      database.dataSourceIds.push(source.id);
      return source.id;
    },
    addPage(dataSourceId, properties) {
      const source = dataSources.get(normaliseId(dataSourceId));
      if (!source) throw new Error(`no data source ${dataSourceId}`);
      const created = minute();
      const page: EmulatedPage = {
        id: randomUUID(),
        parent: { type: 'data_source_id', data_source_id: source.id, database_id: source.databaseId },
        createdTime: created,
        lastEditedTime: created,
        lastEditedBy: PERSON_USER,
        inTrash: false,
        values: new Map(),
        title: '',
      };
      applyProperties(page, source, properties);
      pages.set(page.id, page);
      return page.id;
    },
    resetRequests() {
      requests.length = 0;
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
