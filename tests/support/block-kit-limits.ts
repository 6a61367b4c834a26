/**
 * A pure checker of Slack's documented Block Kit limits, so tests fail on payloads Slack would
 * reject with `invalid_blocks` / `invalid_arguments`.
 *
 * Sources (docs.slack.dev/reference/block-kit/...): blocks overview (50 blocks per message, 100 per
 * modal or Home tab), section/header/context/actions/input block pages, button element, text object,
 * and the modal view object (reference/views/modal-views).
 *
 * Violations read like Slack's own `response_metadata.messages`: `<problem> [json-pointer:<path>]`.
 */

export type BlockKitSurface = 'message' | 'modal' | 'home';

const MAX_BLOCKS: Record<BlockKitSurface, number> = { message: 50, modal: 100, home: 100 };

const LIMITS = {
  blockId: 255,
  textObjectText: 3000,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  inputLabel: 2000,
  inputHint: 2000,
  buttonText: 75,
  actionId: 255,
  buttonValue: 2000,
  buttonUrl: 3000,
  modalTitle: 24,
  modalButtonText: 24,
  callbackId: 255,
  privateMetadata: 3000,
  externalId: 255,
} as const;

const TEXT_OBJECT_TYPES = new Set(['plain_text', 'mrkdwn']);
const BUTTON_STYLES = new Set(['primary', 'danger']);

/** State shared across one surface: ids must be unique across all of its blocks. */
interface SurfaceCheck {
  surface: BlockKitSurface;
  violations: string[];
  blockIds: Set<string>;
  actionIds: Set<string>;
}

type BlockRule = (check: SurfaceCheck, block: Record<string, unknown>, path: string) => void;

/** Every problem Slack would report for `blocks` on the given surface; empty when valid. */
export function blockKitViolations(blocks: unknown, surface: BlockKitSurface): string[] {
  const check = startCheck(surface);
  checkBlocks(check, blocks, '/blocks');
  return check.violations;
}

/** Every problem Slack would report for a view passed to views.open/update/push/publish. */
export function viewViolations(view: unknown): string[] {
  const path = '/view';
  if (!isRecord(view)) return [violation('must be a view object', path)];
  if (view.type !== 'modal' && view.type !== 'home') return [violation('type must be modal or home', `${path}/type`)];

  const check = startCheck(view.type);
  if (view.type === 'modal') checkModalChrome(check, view, path);
  checkOptionalString(check, view.callback_id, `${path}/callback_id`, LIMITS.callbackId);
  checkOptionalString(check, view.private_metadata, `${path}/private_metadata`, LIMITS.privateMetadata);
  checkOptionalString(check, view.external_id, `${path}/external_id`, LIMITS.externalId);
  checkBlocks(check, view.blocks, `${path}/blocks`);
  return check.violations;
}

function startCheck(surface: BlockKitSurface): SurfaceCheck {
  return { surface, violations: [], blockIds: new Set(), actionIds: new Set() };
}

function violation(problem: string, path: string): string {
  return `${problem} [json-pointer:${path}]`;
}

function report(check: SurfaceCheck, problem: string, path: string): void {
  check.violations.push(violation(problem, path));
}

function checkModalChrome(check: SurfaceCheck, view: Record<string, unknown>, path: string): void {
  checkTextObject(check, view.title, `${path}/title`, { plainTextOnly: true, maxLength: LIMITS.modalTitle });
  for (const button of ['submit', 'close'] as const) {
    if (view[button] === undefined) continue;
    checkTextObject(check, view[button], `${path}/${button}`, { plainTextOnly: true, maxLength: LIMITS.modalButtonText });
  }
  const hasInputBlock = Array.isArray(view.blocks) && view.blocks.some((block) => isRecord(block) && block.type === 'input');
  if (hasInputBlock && view.submit === undefined) {
    report(check, 'submit is required when the view has input blocks', `${path}/submit`);
  }
}

function checkBlocks(check: SurfaceCheck, blocks: unknown, path: string): void {
  if (!Array.isArray(blocks)) {
    report(check, 'must be an array of blocks', path);
    return;
  }
  const max = MAX_BLOCKS[check.surface];
  if (blocks.length > max) report(check, `must have at most ${max} blocks in a ${check.surface} (got ${blocks.length})`, path);
  blocks.forEach((block, index) => checkBlock(check, block, `${path}/${index}`));
}

function checkBlock(check: SurfaceCheck, block: unknown, path: string): void {
  if (!isRecord(block)) {
    report(check, 'must be a block object', path);
    return;
  }
  checkUniqueId(check, check.blockIds, block.block_id, `${path}/block_id`, LIMITS.blockId, 'block_id');
  const rule = typeof block.type === 'string' ? BLOCK_RULES[block.type] : undefined;
  if (rule === undefined) {
    report(check, `unknown block type ${JSON.stringify(block.type)}`, `${path}/type`);
    return;
  }
  rule(check, block, path);
}

// Known blocks whose own limits this checker does not cover still pass through as valid.
const NO_EXTRA_RULES: BlockRule = () => {};

const BLOCK_RULES: Record<string, BlockRule> = {
  section: checkSection,
  header: checkHeader,
  context: checkContext,
  actions: checkActions,
  input: checkInput,
  divider: NO_EXTRA_RULES,
  image: NO_EXTRA_RULES,
  rich_text: NO_EXTRA_RULES,
  video: NO_EXTRA_RULES,
  file: NO_EXTRA_RULES,
  markdown: NO_EXTRA_RULES,
};

function checkSection(check: SurfaceCheck, block: Record<string, unknown>, path: string): void {
  const hasFields = Array.isArray(block.fields) && block.fields.length > 0;
  if (block.text === undefined && !hasFields) report(check, 'section must have text or fields', path);
  if (block.text !== undefined) checkTextObject(check, block.text, `${path}/text`, { maxLength: LIMITS.sectionText });
  if (block.fields !== undefined) checkSectionFields(check, block.fields, `${path}/fields`);
  if (block.accessory !== undefined) checkElement(check, block.accessory, `${path}/accessory`);
}

function checkSectionFields(check: SurfaceCheck, fields: unknown, path: string): void {
  if (!Array.isArray(fields)) {
    report(check, 'fields must be an array of text objects', path);
    return;
  }
  if (fields.length > LIMITS.sectionFields) {
    report(check, `must have at most ${LIMITS.sectionFields} fields (got ${fields.length})`, path);
  }
  fields.forEach((field, index) => checkTextObject(check, field, `${path}/${index}`, { maxLength: LIMITS.sectionFieldText }));
}

function checkHeader(check: SurfaceCheck, block: Record<string, unknown>, path: string): void {
  checkTextObject(check, block.text, `${path}/text`, { plainTextOnly: true, maxLength: LIMITS.headerText });
}

function checkContext(check: SurfaceCheck, block: Record<string, unknown>, path: string): void {
  const elements = elementList(check, block.elements, `${path}/elements`, LIMITS.contextElements);
  elements.forEach((element, index) => {
    // Context holds image elements and text objects only.
    if (isRecord(element) && element.type === 'image') return;
    checkTextObject(check, element, `${path}/elements/${index}`);
  });
}

function checkActions(check: SurfaceCheck, block: Record<string, unknown>, path: string): void {
  const elements = elementList(check, block.elements, `${path}/elements`, LIMITS.actionsElements);
  elements.forEach((element, index) => checkElement(check, element, `${path}/elements/${index}`));
}

function checkInput(check: SurfaceCheck, block: Record<string, unknown>, path: string): void {
  // Project rule: input blocks belong where a submission or dispatch_action can collect them.
  if (check.surface === 'message') report(check, 'input blocks are only allowed in modals and Home tabs', path);
  checkTextObject(check, block.label, `${path}/label`, { plainTextOnly: true, maxLength: LIMITS.inputLabel });
  if (block.hint !== undefined) {
    checkTextObject(check, block.hint, `${path}/hint`, { plainTextOnly: true, maxLength: LIMITS.inputHint });
  }
  checkElement(check, block.element, `${path}/element`);
}

/** Validates a required, bounded `elements` array and returns whatever items it has. */
function elementList(check: SurfaceCheck, elements: unknown, path: string, max: number): unknown[] {
  if (!Array.isArray(elements) || elements.length === 0) {
    report(check, 'elements must be a non-empty array', path);
    return Array.isArray(elements) ? elements : [];
  }
  if (elements.length > max) report(check, `must have at most ${max} elements (got ${elements.length})`, path);
  return elements;
}

function checkElement(check: SurfaceCheck, element: unknown, path: string): void {
  if (!isRecord(element)) {
    report(check, 'must be an element object', path);
    return;
  }
  // Project rule, stricter than Slack's per-block uniqueness: handlers route on action_id alone.
  checkUniqueId(check, check.actionIds, element.action_id, `${path}/action_id`, LIMITS.actionId, 'action_id');
  if (element.type === 'button') checkButton(check, element, path);
}

function checkButton(check: SurfaceCheck, button: Record<string, unknown>, path: string): void {
  checkTextObject(check, button.text, `${path}/text`, { plainTextOnly: true, maxLength: LIMITS.buttonText });
  checkOptionalString(check, button.value, `${path}/value`, LIMITS.buttonValue);
  checkOptionalString(check, button.url, `${path}/url`, LIMITS.buttonUrl);
  if (button.style !== undefined && !BUTTON_STYLES.has(String(button.style))) {
    report(check, `style must be primary or danger (got ${JSON.stringify(button.style)})`, `${path}/style`);
  }
}

interface TextObjectRules {
  plainTextOnly?: boolean;
  maxLength?: number;
}

function checkTextObject(check: SurfaceCheck, text: unknown, path: string, rules: TextObjectRules = {}): void {
  if (!isRecord(text)) {
    report(check, 'must be a text object', path);
    return;
  }
  if (!TEXT_OBJECT_TYPES.has(String(text.type))) {
    report(check, `type must be plain_text or mrkdwn (got ${JSON.stringify(text.type)})`, `${path}/type`);
  } else if (rules.plainTextOnly && text.type !== 'plain_text') {
    report(check, 'must be a plain_text text object', `${path}/type`);
  }
  if (typeof text.text !== 'string' || text.text.length === 0) {
    report(check, 'text must be a non-empty string', `${path}/text`);
  } else {
    checkLength(check, text.text, `${path}/text`, rules.maxLength ?? LIMITS.textObjectText);
  }
  checkEmojiFlag(check, text, path);
}

function checkEmojiFlag(check: SurfaceCheck, text: Record<string, unknown>, path: string): void {
  if (text.emoji === undefined) return;
  if (text.type !== 'plain_text') report(check, 'emoji is only allowed on plain_text', `${path}/emoji`);
  else if (typeof text.emoji !== 'boolean') report(check, 'emoji must be a boolean', `${path}/emoji`);
}

function checkUniqueId(
  check: SurfaceCheck,
  seen: Set<string>,
  id: unknown,
  path: string,
  maxLength: number,
  label: string,
): void {
  if (id === undefined) return;
  if (typeof id !== 'string') {
    report(check, 'must be a string', path);
    return;
  }
  checkLength(check, id, path, maxLength);
  if (seen.has(id)) report(check, `duplicate ${label} ${JSON.stringify(id)}`, path);
  seen.add(id);
}

function checkOptionalString(check: SurfaceCheck, value: unknown, path: string, maxLength: number): void {
  if (value === undefined) return;
  if (typeof value !== 'string') report(check, 'must be a string', path);
  else checkLength(check, value, path, maxLength);
}

function checkLength(check: SurfaceCheck, value: string, path: string, maxLength: number): void {
  const length = characterCount(value);
  if (length > maxLength) report(check, `must be at most ${maxLength} characters (got ${length})`, path);
}

// Slack counts characters, not UTF-16 code units: an emoji is one character.
function characterCount(value: string): number {
  return Array.from(value).length;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
