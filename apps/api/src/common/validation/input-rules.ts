import { isIsoDate } from '@roi/domain';
import type { FieldError } from '../problem-details/problem';

/**
 * What the API takes, defined once. Every body, path and query passes these rules before a route
 * runs (hostile-input.middleware.ts), so each route, present and future, inherits them; DTOs then
 * add each field's own type, length and range.
 */
export const INPUT_LIMITS = {
  /** Nesting of a JSON body; the deepest real body (a template's questions' options) uses 4. */
  maxDepth: 32,
  /** Keys of any one object; the widest real DTO has about 20 fields. */
  maxKeysPerObject: 200,
  /** Items of any one array (answers, questions, ids). */
  maxArrayLength: 2000,
  /** Values in the whole body, so that work before the refusal stays bounded. */
  maxValues: 50_000,
  /** Characters of any one text, whatever its field allows below that. */
  maxTextLength: 100_000,
} as const;

/** PostgreSQL's `integer`: every whole number the API stores or looks up is within it. */
export const INT32_MAX = 2_147_483_647;

/**
 * C0 controls (and DEL) except tab, line feed and carriage return: PostgreSQL refuses NUL in
 * text, and the others are never meant in a name, title or note.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** A UTF-16 surrogate without its pair: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text is refused, or undefined when it is acceptable. */
export function textFault(text: string): string | undefined {
  if (text.length > INPUT_LIMITS.maxTextLength) {
    return `must be at most ${INPUT_LIMITS.maxTextLength} characters`;
  }
  if (CONTROL_CHARACTER.test(text)) return 'must not contain control characters';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text';
  return undefined;
}

/** Why a JSON number is refused: beyond ±2^53 a double no longer holds every whole number. */
export function numberFault(value: number): string | undefined {
  return Math.abs(value) > Number.MAX_SAFE_INTEGER
    ? `must be between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`
    : undefined;
}

/**
 * Checks a parsed JSON body against the rules above, iteratively (a body nested thousands deep
 * cannot overflow the stack here) and stopping at the first fault, so a refusal costs at most one
 * pass over the body and says one short thing.
 */
export function jsonBodyFault(body: unknown): FieldError | undefined {
  const pending: { value: unknown; path: string; depth: number }[] = [
    { value: body, path: '', depth: 0 },
  ];
  let values = 0;
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path, depth } = next;
    const field = path || 'body';
    if (++values > INPUT_LIMITS.maxValues) {
      return { field: 'body', reason: `must hold at most ${INPUT_LIMITS.maxValues} values` };
    }
    if (typeof value === 'string') {
      const fault = textFault(value);
      if (fault) return { field, reason: fault };
      continue;
    }
    if (typeof value === 'number') {
      const fault = numberFault(value);
      if (fault) return { field, reason: fault };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= INPUT_LIMITS.maxDepth) {
      return { field, reason: `must not nest deeper than ${INPUT_LIMITS.maxDepth} levels` };
    }
    if (Array.isArray(value)) {
      if (value.length > INPUT_LIMITS.maxArrayLength) {
        return { field, reason: `must hold at most ${INPUT_LIMITS.maxArrayLength} items` };
      }
      value.forEach((item, index) =>
        pending.push({ value: item, path: join(path, String(index)), depth: depth + 1 }),
      );
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > INPUT_LIMITS.maxKeysPerObject) {
      return { field, reason: `must have at most ${INPUT_LIMITS.maxKeysPerObject} fields` };
    }
    for (const key of keys) {
      const keyFault = textFault(key);
      if (keyFault) return { field: join(path, 'key'), reason: keyFault };
      pending.push({
        value: (value as Record<string, unknown>)[key],
        path: join(path, key),
        depth: depth + 1,
      });
    }
  }
  return undefined;
}

// A field's name is echoed in the answer: a hostile one (a 100,000-character key) is cut short.
const [QUOTE, BACKSLASH, COMMA] = [0x22, 0x5c, 0x2c];
const [OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY] = [0x7b, 0x7d, 0x5b, 0x5d];

/**
 * The shape of a JSON body read from its raw bytes, before JSON.parse builds anything: nesting
 * depth, keys per object, items per array and values in all. Building a 50,000-key object alone
 * costs tens of milliseconds; this scan stops at the first container over a limit, so a hostile
 * body is refused after reading a few kilobytes of it. (Commas outside strings separate members,
 * so a container's members are its commas plus one.)
 */
export function jsonStructureFault(raw: Uint8Array): FieldError | undefined {
  const members: number[] = [];
  const isObject: boolean[] = [];
  let values = 0;
  let inString = false;
  for (let index = 0; index < raw.length; index++) {
    const byte = raw[index];
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
      continue;
    }
    if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (members.length >= INPUT_LIMITS.maxDepth) {
        return {
          field: 'body',
          reason: `must not nest deeper than ${INPUT_LIMITS.maxDepth} levels`,
        };
      }
      members.push(1);
      isObject.push(byte === OPEN_OBJECT);
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      members.pop();
      isObject.pop();
    } else if (byte === COMMA && members.length > 0) {
      const count = ++members[members.length - 1];
      const object = isObject[isObject.length - 1];
      if (object && count > INPUT_LIMITS.maxKeysPerObject) {
        return {
          field: 'body',
          reason: `must have at most ${INPUT_LIMITS.maxKeysPerObject} fields`,
        };
      }
      if (!object && count > INPUT_LIMITS.maxArrayLength) {
        return { field: 'body', reason: `must hold at most ${INPUT_LIMITS.maxArrayLength} items` };
      }
      if (++values > INPUT_LIMITS.maxValues) {
        return { field: 'body', reason: `must hold at most ${INPUT_LIMITS.maxValues} values` };
      }
    }
  }
  return undefined;
}

const join = (path: string, key: string) => {
  const joined = path ? `${path}.${key}` : key;
  return joined.length > 200 ? `${joined.slice(0, 200)}…` : joined;
};

/**
 * A whole number written plainly in decimal (no sign tricks, hex, exponent or fraction), within
 * [min, max]; undefined when the text is anything else.
 */
export function parseWholeNumber(text: string, min: number, max: number): number | undefined {
  if (!/^-?\d{1,10}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

/**
 * The calendar dates the API takes, in any date or date-time it reads. Plans, ledgers and KPIs
 * are about the last century and the next two; the window keeps every date the API derives from
 * one (a fiscal year around it, a period of 25 years, the intervals of a report) inside the
 * years 1 to 9999 that a YYYY-MM-DD text and PostgreSQL hold: from 0001-01-01 or 9999-12-31, an
 * ROI report's fiscal year began in year 0 or ended in year 10000, and the request failed.
 */
export const DATE_RANGE = { earliest: '1900-01-01', latest: '2199-12-31' } as const;

/** Why a YYYY-MM-DD text is refused, or undefined when it is a date the API takes. */
export function dateFault(text: string): string | undefined {
  if (!isIsoDate(text)) return 'must be a date written YYYY-MM-DD';
  return text < DATE_RANGE.earliest || text > DATE_RANGE.latest
    ? `must be a date from ${DATE_RANGE.earliest} to ${DATE_RANGE.latest}`
    : undefined;
}

const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(Z|[+-](\d{2}):(\d{2}))?)?$/;

/**
 * A real moment written in ISO 8601 (a calendar date, optionally with a time and offset), on a
 * date within DATE_RANGE; undefined for anything else (2025-02-30 included, which JavaScript's
 * Date would quietly turn into 2 March).
 */
export function parseIsoDateTime(text: string): Date | undefined {
  const match = ISO_DATE_TIME.exec(text);
  if (!match || dateFault(match[1])) return undefined;
  const [hours, minutes, seconds, offsetHours, offsetMinutes] = [2, 3, 4, 6, 7].map((index) =>
    Number(match[index] ?? 0),
  );
  if (hours > 23 || minutes > 59 || seconds > 59 || offsetHours > 23 || offsetMinutes > 59) {
    return undefined;
  }
  const moment = new Date(match[2] && !match[5] ? `${text}Z` : text);
  return Number.isNaN(moment.getTime()) ? undefined : moment;
}
