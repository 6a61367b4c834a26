import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startNotionEmulator, type NotionEmulator } from './notion-emulator.js';

interface Interaction {
  request: { method: string; uri: string };
  response: { body: { string: string }; status: { code: number } };
}

/** The responses recorded from the real API (see notion-recordings/README.md). */
function recorded(file: string, method: string, uriPattern: RegExp): Record<string, unknown> {
  const cassette = parse(readFileSync(new URL(`./notion-recordings/${file}`, import.meta.url), 'utf8')) as { interactions: Interaction[] };
  const interaction = cassette.interactions.find((item) => item.request.method === method && uriPattern.test(item.request.uri));
  if (!interaction) throw new Error(`no ${method} ${uriPattern} in ${file}`);
  return JSON.parse(interaction.response.body.string) as Record<string, unknown>;
}

const keys = (value: unknown) => Object.keys(value as object).sort();

let emulator: NotionEmulator;
let parentPage: string;

async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${emulator.token}`,
      'notion-version': '2025-09-03',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { raw: text };
  }
  return { status: response.status, headers: response.headers, json };
}

async function createDatabase() {
  const { json } = await api('POST', '/v1/databases', {
    parent: { type: 'page_id', page_id: parentPage },
    title: [{ type: 'text', text: { content: 'Partners' } }],
    initial_data_source: {
      properties: {
        Name: { title: {} },
        'Corridor ID': { rich_text: {} },
        Status: { select: { options: [{ name: 'Signatory', color: 'green' }, { name: 'Pending adhesion' }] } },
        Joined: { date: {} },
        Website: { url: {} },
      },
    },
  });
  const dataSourceId = (json.data_sources as Array<{ id: string }>)[0]!.id;
  return { database: json, dataSourceId };
}

const page = (name: string, corridorId: string, extra: Record<string, unknown> = {}) => ({
  Name: { title: [{ text: { content: name } }] },
  'Corridor ID': { rich_text: [{ text: { content: corridorId } }] },
  ...extra,
});

beforeEach(async () => {
  emulator = await startNotionEmulator();
  parentPage = emulator.addWorkspacePage('Corridor');
});

afterEach(async () => {
  await emulator.close();
});

describe('Notion emulator: requests', () => {
  it('requires a valid Authorization header, as Notion does', async () => {
    const missing = await api('GET', '/v1/databases/3d0982b9-f958-41d0-8437-cf2e00981c7f', undefined, { authorization: '' });
    const expected = recorded('api_response_error.yaml', 'GET', /\/v1\/users$/);
    expect(missing.status).toBe(401);
    expect(keys(missing.json)).toEqual(keys(expected));
    expect(missing.json).toMatchObject({ object: 'error', status: 401, code: 'unauthorized', message: expected.message });
    const wrong = await api('GET', '/v1/databases/3d0982b9-f958-41d0-8437-cf2e00981c7f', undefined, { authorization: 'Bearer ntn_other' });
    expect(wrong.status).toBe(401);
  });

  it('requires the Notion-Version header', async () => {
    const response = await fetch(`${emulator.url}/v1/databases/3d0982b9-f958-41d0-8437-cf2e00981c7f`, {
      headers: { authorization: `Bearer ${emulator.token}` },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ object: 'error', code: 'missing_version' });
    const old = await api('GET', '/v1/databases/3d0982b9-f958-41d0-8437-cf2e00981c7f', undefined, { 'notion-version': '2022-06-28' });
    expect(old.status).toBe(400);
  });

  it('answers an unknown URL as Notion does', async () => {
    const response = await api('GET', '/v1/invalid');
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ code: 'invalid_request_url', message: recorded('api_response_error.yaml', 'GET', /\/v1\/invalid$/).message });
  });

  it('says when a parent page or an object does not exist', async () => {
    const response = await api('POST', '/v1/databases', { parent: { type: 'page_id', page_id: '393abc1e-edcd-80f3-813b-e205934558c6' }, title: [] });
    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({ code: 'object_not_found' });
    expect((await api('GET', '/v1/pages/393abc1e-edcd-80f3-813b-e205934558c6')).status).toBe(404);
  });
});

describe('Notion emulator: recorded shapes', () => {
  it('answers databases, data sources, pages and queries with the recorded keys', async () => {
    const { database, dataSourceId } = await createDatabase();
    const recordedDatabase = recorded('databases_create.yaml', 'POST', /\/v1\/databases$/);
    expect(keys(database)).toEqual(keys(recordedDatabase));
    expect(keys((database.data_sources as unknown[])[0])).toEqual(keys((recordedDatabase.data_sources as unknown[])[0]));

    const retrieved = await api('GET', `/v1/databases/${database.id as string}`);
    expect(keys(retrieved.json)).toEqual(keys(recorded('databases_retrieve.yaml', 'GET', /\/v1\/databases\//)));

    const source = (await api('GET', `/v1/data_sources/${dataSourceId}`)).json;
    const recordedSource = recorded('data_sources_retrieve.yaml', 'GET', /\/v1\/data_sources\//);
    expect(keys(source)).toEqual(keys(recordedSource));
    expect(keys(source.parent)).toEqual(keys(recordedSource.parent));
    const recordedTitle = (recordedSource.properties as Record<string, unknown>).Name;
    expect(keys((source.properties as Record<string, unknown>).Name)).toEqual(keys(recordedTitle));

    const created = (await api('POST', '/v1/pages', { parent: { data_source_id: dataSourceId }, properties: page('C2MI', 'c2mi') })).json;
    const recordedPage = recorded('pages_create.yaml', 'POST', /\/v1\/pages$/);
    expect(keys(created)).toEqual(keys(recordedPage));
    const title = (created.properties as Record<string, { title: unknown[] }>).Name!;
    const recordedTitleValue = (recordedPage.properties as Record<string, { title: unknown[] }>).title!;
    expect(keys(title)).toEqual(keys(recordedTitleValue));
    expect(keys(title.title[0])).toEqual(keys(recordedTitleValue.title[0]));
    expect(created.parent).toEqual({ type: 'data_source_id', data_source_id: dataSourceId, database_id: database.id });

    const updated = (await api('PATCH', `/v1/pages/${created.id as string}`, { properties: page('C2MI', 'c2mi') })).json;
    expect(keys(updated)).toEqual(keys(recorded('pages_update.yaml', 'PATCH', /\/v1\/pages\//)));
    const fetched = (await api('GET', `/v1/pages/${created.id as string}`)).json;
    expect(keys(fetched)).toEqual(keys(recorded('pages_retrieve.yaml', 'GET', /\/v1\/pages\//)));

    const list = (await api('POST', `/v1/data_sources/${dataSourceId}/query`, {})).json;
    expect(keys(list)).toEqual(keys(recorded('data_sources_query.yaml', 'POST', /\/query$/)));
    expect(list).toMatchObject({ object: 'list', has_more: false, next_cursor: null, type: 'page_or_data_source' });
  });

  it('rounds page times to the minute, as Notion does', async () => {
    const { dataSourceId } = await createDatabase();
    const created = (await api('POST', '/v1/pages', { parent: { data_source_id: dataSourceId }, properties: page('C2MI', 'c2mi') })).json;
    expect(created.last_edited_time).toMatch(/T\d{2}:\d{2}:00\.000Z$/);
  });
});

describe('Notion emulator: validation', () => {
  it("rejects unknown properties and wrongly shaped values with Notion's validation_error", async () => {
    const { dataSourceId } = await createDatabase();
    const cases: Array<[Record<string, unknown>, string]> = [
      [page('A', 'a', { Colour: { rich_text: [] } }), 'Colour is not a property that exists.'],
      [page('A', 'a', { Status: { rich_text: [] } }), 'Status is expected to be select.'],
      [page('A', 'a', { Status: { select: { name: 'A, B' } } }), 'commas'],
      [page('A', 'a', { Joined: { date: { start: '16 April' } } }), 'ISO 8601'],
      [page('A', 'a', { Website: { url: 42 } }), 'url'],
      [page('A', 'x'.repeat(2001)), '.text.content.length should be ≤ `2000`, instead was `2001`.'],
      [{ ...page('A', 'a'), Name: { title: Array.from({ length: 101 }, () => ({ text: { content: 'a' } })) } }, 'should be ≤ `100`'],
      [{ ...page('A', 'a'), Name: { title: 'A' } }, 'should be an array'],
    ];
    for (const [properties, message] of cases) {
      const response = await api('POST', '/v1/pages', { parent: { data_source_id: dataSourceId }, properties });
      expect(response.status, message).toBe(400);
      expect(response.json).toMatchObject({ object: 'error', status: 400, code: 'validation_error' });
      expect(response.json.message).toContain(message);
    }
    expect(emulator.pagesOf(dataSourceId)).toHaveLength(0);
  });

  it('adds a select option it does not know yet, as Notion does', async () => {
    const { dataSourceId } = await createDatabase();
    const created = await api('POST', '/v1/pages', { parent: { data_source_id: dataSourceId }, properties: page('A', 'a', { Status: { select: { name: 'Observer' } } }) });
    expect(created.status).toBe(200);
    const source = (await api('GET', `/v1/data_sources/${dataSourceId}`)).json as { properties: { Status: { select: { options: Array<{ name: string }> } } } };
    expect(source.properties.Status.select.options.map((option) => option.name)).toContain('Observer');
  });

  it('mentions people of the workspace in text, and tells their e-mail at GET /v1/users/:id', async () => {
    const { dataSourceId } = await createDatabase();
    const marie = emulator.addPerson('Marie Tremblay', 'marie@example.org');
    const mention = (id: string) => page('A', 'a', { 'Corridor ID': { rich_text: [{ type: 'mention', mention: { user: { id } } }] } });
    const created = await api('POST', '/v1/pages', { parent: { data_source_id: dataSourceId }, properties: mention(marie) });
    expect(created.status).toBe(200);
    const value = (created.json.properties as Record<string, { rich_text: unknown[] }>)['Corridor ID']!.rich_text[0];
    expect(value).toMatchObject({ type: 'mention', mention: { type: 'user', user: { object: 'user', id: marie } }, plain_text: '@Marie Tremblay' });
    expect((await api('GET', `/v1/users/${marie}`)).json).toMatchObject({ object: 'user', type: 'person', person: { email: 'marie@example.org' } });
    const unknown = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
    expect((await api('GET', `/v1/users/${unknown}`)).json).toMatchObject({ code: 'object_not_found' });
    expect((await api('POST', '/v1/pages', { parent: { data_source_id: dataSourceId }, properties: mention(unknown) })).json).toMatchObject({ code: 'object_not_found' });
  });

  it('refuses to edit a page in the trash until it is taken out', async () => {
    const { dataSourceId } = await createDatabase();
    const created = (await api('POST', '/v1/pages', { parent: { data_source_id: dataSourceId }, properties: page('A', 'a') })).json;
    await api('PATCH', `/v1/pages/${created.id as string}`, { in_trash: true });
    expect(((await api('POST', `/v1/data_sources/${dataSourceId}/query`, {})).json.results as unknown[]).length).toBe(0);
    const edit = await api('PATCH', `/v1/pages/${created.id as string}`, { properties: page('B', 'a') });
    expect(edit.json).toMatchObject({ code: 'validation_error' });
    const restore = await api('PATCH', `/v1/pages/${created.id as string}`, { in_trash: false, properties: page('B', 'a') });
    expect(restore.json).toMatchObject({ in_trash: false });
    expect(emulator.readPage(created.id as string).Name).toBe('B');
  });
});

describe('Notion emulator: queries', () => {
  it('paginates by 100 at most with start_cursor, has_more and next_cursor', async () => {
    const { dataSourceId } = await createDatabase();
    for (let index = 0; index < 230; index += 1) emulator.addPage(dataSourceId, page(`P${index}`, `p-${index}`));
    const seen: string[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    do {
      const { json } = await api('POST', `/v1/data_sources/${dataSourceId}/query`, { page_size: 100, ...(cursor ? { start_cursor: cursor } : {}) });
      const results = json.results as Array<{ id: string }>;
      sizes.push(results.length);
      seen.push(...results.map((result) => result.id));
      cursor = json.has_more ? (json.next_cursor as string) : undefined;
      if (!json.has_more) expect(json.next_cursor).toBeNull();
    } while (cursor);
    expect(sizes).toEqual([100, 100, 30]);
    expect(new Set(seen).size).toBe(230);
    const defaultSize = (await api('POST', `/v1/data_sources/${dataSourceId}/query`, {})).json;
    expect((defaultSize.results as unknown[]).length).toBe(100);

    const tooBig = await api('POST', `/v1/data_sources/${dataSourceId}/query`, { page_size: 101 });
    expect(tooBig.json).toMatchObject({ code: 'validation_error', message: 'body failed validation: body.page_size should be ≤ `100`, instead was `101`.' });
    const badCursor = await api('POST', `/v1/data_sources/${dataSourceId}/query`, { start_cursor: 'nope' });
    expect(badCursor.json).toMatchObject({ code: 'validation_error' });
  });

  it('filters on text, select and date properties, with and/or', async () => {
    const { dataSourceId } = await createDatabase();
    emulator.addPage(dataSourceId, page('C2MI', 'c2mi', { Status: { select: { name: 'Signatory' } }, Joined: { date: { start: '2025-04-16' } } }));
    emulator.addPage(dataSourceId, page('ISEQ', 'iseq', { Status: { select: { name: 'Pending adhesion' } } }));
    emulator.addPage(dataSourceId, page('Distriq', 'distriq', { Status: { select: { name: 'Signatory' } } }));
    const names = async (filter: unknown) => {
      const { json } = await api('POST', `/v1/data_sources/${dataSourceId}/query`, { filter });
      if (json.object === 'error') return json.message;
      return (json.results as Array<{ properties: { Name: { title: Array<{ plain_text: string }> } } }>).map((result) => result.properties.Name.title[0]!.plain_text).sort();
    };
    expect(await names({ property: 'Corridor ID', rich_text: { equals: 'iseq' } })).toEqual(['ISEQ']);
    expect(await names({ property: 'Status', select: { equals: 'Signatory' } })).toEqual(['C2MI', 'Distriq']);
    expect(await names({ and: [{ property: 'Status', select: { equals: 'Signatory' } }, { property: 'Joined', date: { is_empty: true } }] })).toEqual(['Distriq']);
    expect(await names({ or: [{ property: 'Name', title: { starts_with: 'IS' } }, { property: 'Joined', date: { on_or_after: '2025-01-01' } }] })).toEqual(['C2MI', 'ISEQ']);
    expect(await names({ property: 'Colour', rich_text: { equals: 'x' } })).toBe('Could not find property with name or id: Colour');
    expect(await names({ property: 'Status', rich_text: { equals: 'x' } })).toContain('body.filter.select should be defined');
  });
});

describe('Notion emulator: faults', () => {
  it('answers 429 with Retry-After, 500 with an error body, 502 from the edge', async () => {
    emulator.failNext({ kind: 'rate_limit', retryAfterSeconds: 3 });
    emulator.failNext({ kind: 'server_error' });
    emulator.failNext({ kind: 'bad_gateway' });
    const limited = await api('GET', '/v1/invalid');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(limited.json).toMatchObject({ object: 'error', code: 'rate_limited' });
    const failed = await api('GET', '/v1/invalid');
    expect(failed.json).toMatchObject({ object: 'error', status: 500, code: 'internal_server_error' });
    const gateway = await api('GET', '/v1/invalid');
    expect(gateway.status).toBe(502);
    expect(gateway.json.raw).toContain('502 Bad Gateway');
    expect(emulator.faultsInjected).toBe(3);
    expect((await api('GET', '/v1/invalid')).status).toBe(400);
  });

  it('can act on a request and then fail or hang instead of answering', async () => {
    const { dataSourceId } = await createDatabase();
    emulator.failNext({ kind: 'server_error', phase: 'after' });
    const failed = await api('POST', '/v1/pages', { parent: { data_source_id: dataSourceId }, properties: page('A', 'a') });
    expect(failed.status).toBe(500);
    expect(emulator.pagesOf(dataSourceId)).toHaveLength(1);

    emulator.failNext({ kind: 'hang', phase: 'after' });
    const hung = fetch(`${emulator.url}/v1/pages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator.token}`, 'notion-version': '2025-09-03', 'content-type': 'application/json' },
      body: JSON.stringify({ parent: { data_source_id: dataSourceId }, properties: page('B', 'b') }),
      signal: AbortSignal.timeout(100),
    });
    await expect(hung).rejects.toThrow();
    expect(emulator.pagesOf(dataSourceId)).toHaveLength(2);

    emulator.failNext({ kind: 'hang' });
    const before = fetch(`${emulator.url}/v1/pages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator.token}`, 'notion-version': '2025-09-03', 'content-type': 'application/json' },
      body: JSON.stringify({ parent: { data_source_id: dataSourceId }, properties: page('C', 'c') }),
      signal: AbortSignal.timeout(100),
    });
    await expect(before).rejects.toThrow();
    expect(emulator.pagesOf(dataSourceId)).toHaveLength(2);
  });

  it('fails requests at random at a given rate, the same way for the same seed', async () => {
    const run = async () => {
      emulator.failRandomly({ rate: 0.2, seed: 7, faults: [{ kind: 'server_error' }] });
      const statuses: number[] = [];
      for (let index = 0; index < 50; index += 1) statuses.push((await api('GET', '/v1/invalid')).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    const failures = first.filter((status) => status === 500).length;
    expect(failures).toBeGreaterThan(3);
    expect(failures).toBeLessThan(20);
  });

  it('rate-limits beyond its own allowance when asked to', async () => {
    emulator.rateLimit({ rps: 1, burst: 2 });
    const statuses = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await api('GET', '/v1/invalid')).status);
    expect(statuses).toEqual([400, 400, 429]);
    expect(emulator.rateLimitedCount).toBe(1);
  });
});
