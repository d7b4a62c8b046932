/**
 * A streaming CSV scanner: text chunks in (split anywhere), records out, synchronously, with the
 * line each record starts on. It accepts what csv-parse accepted with
 * `{ relax_column_count: true, relax_quotes: true }` and gives the same fields:
 *
 * - Fields are separated by commas; a field that starts with `"` is quoted and may hold commas,
 *   line breaks and `""` (one quote). A quote anywhere else in a field is kept as it is.
 * - A closing quote followed by anything but a comma, the record delimiter or the end of the text
 *   does not close the field: the field goes on unquoted and keeps both quotes, as csv-parse does
 *   (`"a"b,c` → `"a"b`, `c`). So there is no syntax error to report.
 * - The record delimiter is the first line break met outside quotes: CRLF, LF or a lone CR. From
 *   then on only that delimiter ends a record; another line break outside quotes (say a lone LF in
 *   a CRLF file) is kept in the field, and a CR before the LF of an LF file stays at the end of
 *   the record's last field.
 * - An empty line is a record of one empty field; an empty last line (after the final line
 *   break) is none.
 *
 * Line numbers are those a text editor shows: a record starts on the line after the previous
 * record's delimiter plus the line breaks inside the previous record (LF, CRLF and a lone CR each
 * count once).
 *
 * Speed: a record without a quote (nearly all of them) is found with `indexOf` and split on commas;
 * only a record holding a quote, a stray line break or the end of a chunk goes through the
 * character-by-character state machine. What is kept between chunks is the record in progress
 * (its fields so far) and at most two characters of look-ahead, never the previous chunk; and the
 * fields handed on are strings of their own, not views that would keep a chunk alive (`cut`).
 */

/** Why a scan stopped; `line` is where the offending record starts. */
export class CsvScanError extends Error {
  constructor(
    readonly code: 'record_too_large' | 'quote_not_closed',
    readonly line: number,
  ) {
    super(code === 'record_too_large' ? `The record starting at line ${line} is too large` : `The quote opened in the record starting at line ${line} is never closed`);
    this.name = 'CsvScanError';
  }
}

/** Receives each record: its fields (an array the receiver may keep) and the line it starts on. */
export type CsvRecordSink = (fields: string[], line: number) => void;

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** Record delimiter: not yet known (no line break outside quotes yet), LF, CRLF or CR. */
const EOL_UNKNOWN = 0;
const EOL_LF = 1;
const EOL_CRLF = 2;
const EOL_CR = 3;

/** State of the field being read by the state machine. */
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Just after a closing quote: the next character is a comma or a record delimiter. */
const CLOSED = 3;

/** Suspended: the state machine needs the next chunk (or the end) to go on. */
const SUSPENDED = -1;

export class CsvScanner {
  /** Line where the record being read (or the next one) starts. */
  private line = 1;
  private eol = EOL_UNKNOWN;
  /** Look-ahead characters not yet consumed (at most two), put before the next chunk. */
  private rest = '';

  // The record in progress, when the state machine stopped at the end of a chunk.
  private partial = false;
  private fields: string[] = [];
  private field = '';
  private state = FIELD_START;
  /** Line breaks inside the record so far. */
  private breaks = 0;
  /** Characters of the record consumed so far, in earlier chunks. */
  private consumed = 0;

  constructor(
    private readonly sink: CsvRecordSink,
    /** A record whose text (delimiters and quotes included) is longer than this stops the scan. */
    private readonly maxRecordChars = Number.POSITIVE_INFINITY,
  ) {}

  /** Scans a chunk, handing on every record it completes. */
  write(chunk: string): void {
    if (chunk === '') return;
    const text = this.rest === '' ? chunk : this.rest + chunk;
    this.rest = '';
    this.scan(text, false);
  }

  /** The text has ended: hands on the last record, or throws if its quote is still open. */
  end(): void {
    const text = this.rest;
    this.rest = '';
    if (this.partial || text !== '') this.scan(text, true);
  }

  private scan(text: string, eof: boolean): void {
    const length = text.length;
    let pos = 0;
    if (this.partial) {
      pos = this.machine(text, 0, eof);
      if (pos === SUSPENDED) return;
    }
    // Next LF, CR and quote at or after `pos` (`length` when there is none), found lazily.
    let lf = -1;
    let cr = -1;
    let quote = -1;
    let comma = -1;
    const max = this.maxRecordChars;
    const sink = this.sink;
    while (pos < length) {
      const eol = this.eol;
      if (quote < pos) {
        quote = text.indexOf('"', pos);
        if (quote === -1) quote = length;
      }
      if (cr < pos) {
        cr = text.indexOf('\r', pos);
        if (cr === -1) cr = length;
      }
      // The fast path: the record is one line with no quote and no stray line break in it.
      let end = -1;
      let next = -1;
      if (eol === EOL_LF || eol === EOL_CRLF) {
        if (lf < pos) {
          lf = text.indexOf('\n', pos);
          if (lf === -1) lf = length;
        }
        if (lf < quote) {
          if (eol === EOL_LF) {
            // A CR right before the LF stays in the last field, as csv-parse keeps it.
            if (cr >= lf - 1) end = lf;
          } else if (cr === lf - 1 && cr >= pos) {
            end = cr;
          }
          next = lf + 1;
        }
      } else if (eol === EOL_CR) {
        if (lf < pos) {
          lf = text.indexOf('\n', pos);
          if (lf === -1) lf = length;
        }
        if (cr < quote && cr < lf) {
          end = cr;
          next = cr + 1;
        }
      }
      if (end >= 0) {
        if (end - pos > max) throw new CsvScanError('record_too_large', this.line);
        // Split on commas; the next comma is remembered across records, so that a record
        // without one does not search the rest of the chunk.
        const fields: string[] = [];
        if (comma < pos) {
          comma = text.indexOf(',', pos);
          if (comma === -1) comma = length;
        }
        let from = pos;
        while (comma < end) {
          fields.push(cut(text, from, comma));
          from = comma + 1;
          comma = text.indexOf(',', from);
          if (comma === -1) comma = length;
        }
        fields.push(cut(text, from, end));
        sink(fields, this.line);
        this.line++;
        pos = next;
        continue;
      }
      pos = this.machine(text, pos, eof);
      if (pos === SUSPENDED) return;
    }
  }

  /**
   * The state machine: reads one record from `start` (or goes on with the suspended one) and
   * returns the index after its delimiter, or SUSPENDED when the chunk ends before the record.
   */
  private machine(text: string, start: number, eof: boolean): number {
    const length = text.length;
    let state = this.state;
    // The field in progress: `head` read from earlier chunks (a copy), `field` from this one.
    let head = this.field;
    let field = '';
    const fields = this.fields;
    let breaks = this.breaks;
    let segment = start;
    let i = start;
    for (;;) {
      if (i >= length) {
        if (!eof) break;
        const size = this.consumed + (i - start);
        if (size > this.maxRecordChars) throw new CsvScanError('record_too_large', this.line);
        if (state === QUOTED) throw new CsvScanError('quote_not_closed', this.line);
        // Nothing after the last line break: no record.
        if (state === FIELD_START && fields.length === 0) {
          this.reset();
          return length;
        }
        fields.push(detach(head + field + text.slice(segment, i)));
        this.emit(fields, breaks);
        return length;
      }
      const c = text.charCodeAt(i);
      // A CR needs the next character: CRLF or not decides delimiters and line counts.
      if (c === CR && i + 1 >= length && !eof) break;
      if (state === QUOTED) {
        if (c === QUOTE) {
          if (i + 1 >= length && !eof) break;
          const n = i + 1 < length ? text.charCodeAt(i + 1) : -1;
          if (n === QUOTE) {
            // "" inside quotes: one quote.
            field += text.slice(segment, i + 1);
            i += 2;
            segment = i;
            continue;
          }
          let closes = n === -1 || n === COMMA;
          if (!closes && (n === LF || n === CR)) {
            const d = this.delimiterAt(text, i + 1, eof);
            if (d === SUSPENDED) break;
            closes = d > 0;
          }
          if (closes) {
            field += text.slice(segment, i);
            state = CLOSED;
          } else {
            // csv-parse's relax_quotes: the field goes on unquoted, with its quotes back.
            field = `"${head}${field}${text.slice(segment, i)}"`;
            head = '';
            state = UNQUOTED;
          }
          i++;
          segment = i;
          continue;
        }
        if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) breaks++;
        i++;
        continue;
      }
      if (c === COMMA) {
        fields.push(detach(head + field + text.slice(segment, i)));
        head = '';
        field = '';
        state = FIELD_START;
        i++;
        segment = i;
        continue;
      }
      if (c === LF || c === CR) {
        const d = this.delimiterAt(text, i, eof);
        if (d === SUSPENDED) break;
        if (d > 0) {
          const size = this.consumed + (i - start);
          if (size > this.maxRecordChars) throw new CsvScanError('record_too_large', this.line);
          fields.push(detach(head + field + text.slice(segment, i)));
          this.emit(fields, breaks + 1);
          return i + d;
        }
        // A line break that is not the delimiter: kept in the field.
        if (c === LF || text.charCodeAt(i + 1) !== LF) breaks++;
        state = UNQUOTED;
        i++;
        continue;
      }
      if (c === QUOTE && state === FIELD_START) {
        state = QUOTED;
        i++;
        segment = i;
        continue;
      }
      state = UNQUOTED;
      i++;
    }
    // The chunk ended inside the record: keep what was read, and the look-ahead characters.
    this.consumed += i - start;
    if (this.consumed > this.maxRecordChars) throw new CsvScanError('record_too_large', this.line);
    this.partial = true;
    this.state = state;
    // Only this chunk's part is copied: a field spanning many chunks is not copied over and over.
    this.field = head + detach(field + text.slice(segment, i));
    this.breaks = breaks;
    this.rest = text.slice(i);
    return SUSPENDED;
  }

  /**
   * The length of the record delimiter at `i` (0 if none), learning the delimiter from the first
   * line break as csv-parse does; SUSPENDED if a CR ends the chunk and the next chunk decides.
   */
  private delimiterAt(text: string, i: number, eof: boolean): number {
    const c = text.charCodeAt(i);
    switch (this.eol) {
      case EOL_LF:
        return c === LF ? 1 : 0;
      case EOL_CR:
        return c === CR ? 1 : 0;
      case EOL_CRLF:
        if (c !== CR) return 0;
        if (i + 1 >= text.length) return eof ? 0 : SUSPENDED;
        return text.charCodeAt(i + 1) === LF ? 2 : 0;
      default:
        if (c === LF) {
          this.eol = EOL_LF;
          return 1;
        }
        if (c !== CR) return 0;
        if (i + 1 >= text.length && !eof) return SUSPENDED;
        this.eol = text.charCodeAt(i + 1) === LF ? EOL_CRLF : EOL_CR;
        return this.eol === EOL_CRLF ? 2 : 1;
    }
  }

  /** Hands on the record the state machine completed; `lines` = line breaks it spans. */
  private emit(fields: string[], lines: number): void {
    const line = this.line;
    this.line += lines;
    this.reset();
    this.sink(fields, line);
  }

  private reset(): void {
    this.partial = false;
    this.fields = [];
    this.field = '';
    this.state = FIELD_START;
    this.breaks = 0;
    this.consumed = 0;
  }
}

/**
 * Fields must not keep the chunk they were cut from alive: V8 makes a substring of 13 characters
 * or more a view into its parent string (a "sliced string"), so one credit code kept for the
 * duplicate check would pin a whole 64 KiB chunk, and a million of them the whole file. Shorter
 * substrings are copies already; a longer field is copied here, at the cost of a concatenation.
 */
const SHARED_MIN = 13;

/** text[start, end) as a string of its own. */
function cut(text: string, start: number, end: number): string {
  const length = end - start;
  if (length < SHARED_MIN) return text.slice(start, end);
  if (length < 2 * SHARED_MIN - 1) {
    // Two halves shorter than 13: copies; joined lazily (a cons string of the two).
    const middle = start + (length >> 1);
    return text.slice(start, middle) + text.slice(middle, end);
  }
  return detach(text.slice(start, end));
}

/** A string that shares no memory with a chunk (see SHARED_MIN). */
function detach(s: string): string {
  // Concatenation makes a cons string; slicing it flattens it into a new string first.
  return s.length < SHARED_MIN ? s : (s + ' ').slice(0, -1);
}
