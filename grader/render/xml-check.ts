/**
 * A small well-formedness checker for the XML the grader writes (tests only): one root,
 * properly nested and closed tags, quoted attributes without '<' or a raw '&', known entities,
 * no characters XML 1.0 forbids. Returns the problem, or undefined when the text is well formed.
 * Scans character by character; it knows the subset the renderers emit (no DTD, CDATA or comments).
 */
export function xmlProblem(text: string): string | undefined {
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const isNameChar = (c: string): boolean => /[A-Za-z0-9_:.-]/.test(c);
  const entity = (at: number): number => {
    const end = text.indexOf(';', at);
    if (end < 0) return -1;
    const name = text.slice(at + 1, end);
    const ok = ['amp', 'lt', 'gt', 'quot', 'apos'].includes(name) || /^#[0-9]+$/.test(name) || /^#x[0-9a-fA-F]+$/.test(name);
    return ok ? end + 1 : -1;
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if ((cp < 0x20 && ch !== '\n' && ch !== '\r' && ch !== '\t') || cp === 0xfffe || cp === 0xffff) return `forbidden character U+${cp.toString(16)}`;
  }
  if (text.startsWith('<?xml')) {
    i = text.indexOf('?>');
    if (i < 0) return 'unterminated XML declaration';
    i += 2;
  }
  while (i < text.length) {
    const c = text[i]!;
    if (c === '<') {
      const closing = text[i + 1] === '/';
      let j = i + (closing ? 2 : 1);
      const start = j;
      while (j < text.length && isNameChar(text[j]!)) j++;
      const name = text.slice(start, j);
      if (name === '') return `empty tag name at ${i}`;
      if (closing) {
        while (text[j] === ' ') j++;
        if (text[j] !== '>') return `bad closing tag </${name} at ${i}`;
        if (stack.pop() !== name) return `</${name}> closes the wrong element at ${i}`;
        i = j + 1;
        continue;
      }
      const seen = new Set<string>();
      for (;;) {
        while (text[j] === ' ' || text[j] === '\n' || text[j] === '\t' || text[j] === '\r') j++;
        if (text[j] === '/' && text[j + 1] === '>') {
          j += 2;
          if (stack.length === 0) roots++;
          break;
        }
        if (text[j] === '>') {
          j++;
          if (stack.length === 0) roots++;
          stack.push(name);
          break;
        }
        const a = j;
        while (j < text.length && isNameChar(text[j]!)) j++;
        const attr = text.slice(a, j);
        if (attr === '') return `bad character ${JSON.stringify(text[j])} in <${name}> at ${j}`;
        if (seen.has(attr)) return `duplicate attribute ${attr} in <${name}>`;
        seen.add(attr);
        if (text[j] !== '=' || (text[j + 1] !== '"' && text[j + 1] !== "'")) return `attribute ${attr} of <${name}> is not quoted`;
        const q = text[j + 1]!;
        j += 2;
        while (j < text.length && text[j] !== q) {
          if (text[j] === '<') return `'<' inside attribute ${attr} of <${name}>`;
          if (text[j] === '&') {
            const k = entity(j);
            if (k < 0) return `bad entity in attribute ${attr} of <${name}>`;
            j = k;
          } else j++;
        }
        if (j >= text.length) return `unterminated attribute ${attr}`;
        j++;
      }
      if (roots > 1) return 'more than one root element';
      i = j;
    } else if (c === '&') {
      const k = entity(i);
      if (k < 0) return `bad entity at ${i}`;
      i = k;
    } else {
      if (stack.length === 0 && !/\s/.test(c)) return `text outside the root element at ${i}`;
      i++;
    }
  }
  if (stack.length > 0) return `unclosed <${stack.at(-1)}>`;
  return roots === 1 ? undefined : 'no root element';
}
