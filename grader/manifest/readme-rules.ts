/**
 * The rules an exercise README states, and its table of which check enforces each one.
 *
 * Format (parsed here, enforced by readme-rules.test.ts):
 * - A *rule* is a sentence of the README's "## Task", "## What to write" or "## What is forbidden…" section (fenced code
 *   and indented formula blocks left out) that says must, do not, don't, never, return, use,
 *   repeat or seed (as whole words, any case).
 * - The table is the section "## Rules and the checks that enforce them": one row per rule,
 *   `| "quoted words of the rule" | checks |`. The quote must occur in the rule's sentence
 *   (whitespace-normalised). The checks cell names checks of the exercise's manifest in
 *   backticks, and/or a grader-wide guard from GUARDS, in backticks.
 */

export const RULES_HEADING = '## Rules and the checks that enforce them';

/** Checks every exercise gets without a manifest entry, by the name a table may give them. */
export const GUARDS: Record<string, string> = {
  'input guard': 'every call of an exported function (grader/tasks/input-guard.ts): an input disposed, written into (dataSync, data, a TensorBuffer) or returned as the result fails the check',
  'leak count': 'every check counts the tensors the submission left alive; more than 1000 fails it (grader/checks/context.ts)',
  'grader promise': 'not a rule on the submission but a promise the grader keeps (what it hands your code, what your code never sees)',
  'shape check': 'the task that runs the builder refuses a model of the wrong input or output shape before it trains (grader/course/cnn/tasks.ts, vae-training.ts)',
};

const RULE_WORDS = /\b(must|do not|don't|never|return|use|repeat|seed)\b/i;

export interface RuleRow {
  quote: string;
  checks: string[];
  line: number;
}

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The sections a README states its rules in, as text without code. */
function ruleText(readme: string): string {
  const out: string[] = [];
  let inRules = false;
  let fenced = false;
  for (const line of readme.split('\n')) {
    if (line.startsWith('```')) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    if (/^## /.test(line)) inRules = /^## (Task|What to write|What is forbidden)\b/.test(line);
    if (!inRules || /^## /.test(line)) continue;
    if (/^( {4}|\t)/.test(line) && !/^\s*[-*] /.test(line)) {
      out.push(''); // an indented formula block ends a sentence
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

/** The README's rule sentences (whitespace-normalised), in order. */
export function ruleSentences(readme: string): string[] {
  const text = ruleText(readme);
  // Sentences end at ". " / ".\n" / ":\n" and at blank lines or list bullets.
  const pieces = text.split(/\n\s*\n|\n(?=\s*[-*] )|(?<=[.;!?])(?<!e\.g\.)(?<!i\.e\.)\s+(?=[A-Z`(*"])/);
  return pieces.map(normalise).map((s) => s.replace(/^[-*] /, '')).filter((s) => s !== '' && RULE_WORDS.test(s));
}

/** The rows of the README's rules table; [] when it has none. */
export function ruleRows(readme: string): RuleRow[] {
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => l.trim() === RULES_HEADING);
  if (start < 0) return [];
  const rows: RuleRow[] = [];
  for (let i = start + 1; i < lines.length && !/^## /.test(lines[i]!); i++) {
    const m = lines[i]!.match(/^\|\s*"(.+?)"\s*\|(.*)\|\s*$/);
    if (!m) continue;
    rows.push({ quote: normalise(m[1]!), checks: [...m[2]!.matchAll(/`([^`]+)`/g)].map((x) => x[1]!), line: i + 1 });
  }
  return rows;
}

/**
 * What is wrong with an exercise README's rules and its table, one line each ([] when all is
 * well): no table, a rule sentence without a row, a row quoting words the README does not
 * say, a row naming no real check, a manifest check quoting a rule the README does not state.
 */
export function readmeRuleProblems(id: string, readme: string, checks: { name: string; rule?: string }[]): string[] {
  const where = `exercises/${id}/README.md`;
  const rows = ruleRows(readme);
  if (rows.length === 0) return [`${where} has no table under "${RULES_HEADING}"`];
  const problems: string[] = [];
  const names = new Set(checks.map((c) => c.name));
  const whole = normalise(readme);
  for (const c of checks) if (c.rule && !whole.includes(normalise(c.rule))) problems.push(`check "${c.name}" quotes "${c.rule}", which ${where} does not say`);
  for (const s of ruleSentences(readme)) if (!rows.some((r) => s.includes(r.quote))) problems.push(`${where}: a rule with no row in its table (quote part of the sentence in the table): ${s}`);
  const at = readme.indexOf(RULES_HEADING);
  const outside = normalise(readme.slice(0, at) + readme.slice(at).replace(/^\|.*\|$/gm, ''));
  for (const r of rows) {
    if (!outside.includes(r.quote)) problems.push(`${where}:${r.line}: "${r.quote}" is not in the README outside the table`);
    if (!r.checks.some((c) => names.has(c) || c in GUARDS)) problems.push(`${where}:${r.line}: the row names no check of exercise.json and no grader-wide guard`);
    // Backticked words that look like check names must be real ones (a renamed check leaves a stale row).
    for (const c of r.checks) if (/\s/.test(c) && !names.has(c) && !(c in GUARDS)) problems.push(`${where}:${r.line}: no check or guard named "${c}"`);
  }
  return problems;
}
