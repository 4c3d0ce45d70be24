/**
 * Text that came from a submission (its console output, error names and messages, returned
 * strings) on its way to a terminal, a report or a platform: terminal control sequences and
 * control characters are removed (a submission must not clear the screen, move the cursor or
 * recolour a fake "Total 10/10"), bidirectional overrides too, and the length is capped.
 */

// CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), DCS/SOS/PM/APC (ESC P|X|^|_ … ESC \), other ESC x,
// and the 8-bit C1 forms (0x9b CSI, 0x9d OSC, 0x90 DCS …).
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[@-Z\\-_]?|\u009b[0-?]*[ -/]*[@-~]|[\u0090\u0098\u009d\u009e\u009f][^\u0007\u009c\u001b]*(?:\u0007|\u009c|\u001b\\)?/g;
// Every C0 control but tab, newline and carriage return, DEL, the rest of C1, and the bidi embedding/override/isolate marks.
const CONTROLS_BUT_CR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Escapes and controls removed, carriage returns kept (a CSV field quotes a CRLF inside a name and reads it back as it was). */
export function stripControlsKeepingLines(s: string): string {
  return s.replace(ESCAPES, '').replace(CONTROLS_BUT_CR, '');
}

/** Escapes and controls removed, carriage returns too (CRLF becomes a newline). */
export function stripControls(s: string): string {
  return stripControlsKeepingLines(s.replace(/\r\n/g, '\n')).replace(/\r/g, '');
}

/** `s` cleaned and cut to at most `max` characters, saying how much was cut. */
export function cleanText(s: unknown, max: number): string {
  const text = typeof s === 'string' ? s : String(s);
  // Cut before cleaning as well: a 100 MB string must not cost a 100 MB regex pass.
  const head = text.length > max * 2 + 64 ? text.slice(0, max * 2 + 64) : text;
  const clean = stripControls(head);
  if (clean.length <= max && head.length === text.length) return clean;
  const kept = clean.slice(0, max);
  return `${kept}… [${text.length - kept.length} more characters cut]`;
}

/** cleanText on one line: a newline or tab in a name (a student's folder) must not start a forged line of its own. */
export function oneLine(s: unknown, max: number): string {
  return cleanText(s, max).replace(/[\n\t]/g, ' ');
}
