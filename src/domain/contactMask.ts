import { checkResidentId } from './talent.js';

/**
 * Contacts typed into published free text (开放数据中的联系方式): an applicant may write a
 * phone number, an email address or an ID number into a description or an evidence summary.
 * Published free text is scanned and each one found is replaced by `CONTACT_REMOVED`, so no
 * reply or download carries it. The scan reads full-width characters (１３９…, ＠, （０７３１）)
 * as their ASCII forms; only free text is scanned — a credit code or certificate number is an
 * identifier the registry's own rules check, not a contact.
 */

export const CONTACT_REMOVED = '[联系方式已隐去 / contact removed]';

export type ContactKind = 'mobile' | 'landline' | 'service_number' | 'email' | 'id_number';

export interface ContactSpan {
  kind: ContactKind;
  start: number;
  end: number;
}

/** A number followed by a unit of money is an amount, not a phone number (13500000000 元). */
const NOT_AN_AMOUNT = String.raw`(?!\s*(?:元|万|亿|美元|港元|CNY|RMB|USD))`;
/** Not part of a longer number, a decimal or a Latin serial number (A13900004242B). */
const BEFORE = String.raw`(?<![\dA-Za-z])(?<!\d\.)`;
const AFTER = String.raw`(?![\dA-Za-z])${NOT_AN_AMOUNT}`;
const SEP = '[ -]?';

const patterns: ReadonlyArray<{ kind: ContactKind; re: RegExp; accept?: (match: string) => boolean }> = [
  // A mobile number: 1, then 3–9, then nine digits (grouped 3 · 4 · 4 or not), with +86 / 0086 / 86 before it or not.
  { kind: 'mobile', re: new RegExp(String.raw`${BEFORE}(?:(?:\+|00)?86${SEP})?1[3-9]\d${SEP}\d{4}${SEP}\d{4}${AFTER}`, 'g') },
  // Area code 0xx(x), in brackets or not, then 7–8 digits, the first 2–9 (a space or dash after the third or fourth), an extension after a dash.
  { kind: 'landline', re: new RegExp(String.raw`${BEFORE}(?:\(0\d{2,3}\)|0\d{2,3})${SEP}[2-9]\d{2,3}${SEP}\d{4}(?:-\d{1,6})?${AFTER}`, 'g') },
  // 400 / 800 numbers, written with their separators (a bare 4001234567 may be an amount).
  { kind: 'service_number', re: /(?<!\d)[48]00[ -]\d{3}[ -]\d{4}(?!\d)/g },
  { kind: 'email', re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g },
  // 18 characters (6 · 8 · 4, spaces between the groups allowed) with a real birth date and the GB 11643 check character.
  { kind: 'id_number', re: /(?<![\dA-Za-z])\d{6} ?\d{8} ?\d{3}[\dXx](?![\dA-Za-z])/g, accept: (m) => checkResidentId(m.replace(/ /g, '')) === null },
];

/** Full-width ASCII (U+FF01–FF5E), the ideographic space and dashes as ASCII, one code unit for one: offsets stay the original's. */
function asciiForm(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000\u2010-\u2015\u2212]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0x3000) return ' ';
    if (code >= 0xff01) return String.fromCharCode(code - 0xfee0);
    return '-';
  });
}

/** The contacts in a text, in order, none overlapping (the earlier, then the longer, wins). */
export function findContacts(text: string): ContactSpan[] {
  const ascii = asciiForm(text);
  const found: ContactSpan[] = [];
  for (const { kind, re, accept } of patterns) {
    for (const m of ascii.matchAll(re)) if (!accept || accept(m[0])) found.push({ kind, start: m.index, end: m.index + m[0].length });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: ContactSpan[] = [];
  for (const span of found) if (!spans.length || span.start >= spans[spans.length - 1]!.end) spans.push(span);
  return spans;
}

/** The text with every contact replaced by `CONTACT_REMOVED`, and how many were. */
export function maskContacts(text: string): { text: string; removed: number } {
  const spans = findContacts(text);
  if (!spans.length) return { text, removed: 0 };
  let out = '';
  let at = 0;
  for (const { start, end } of spans) {
    out += text.slice(at, start) + CONTACT_REMOVED;
    at = end;
  }
  return { text: out + text.slice(at), removed: spans.length };
}
