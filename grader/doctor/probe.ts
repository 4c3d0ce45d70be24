// Child of `grade doctor`: selects one backend and prints the outcome as one JSON line.
import { isBackendChoice } from '../backends/names.ts';
import { selectBackend } from '../backends/select.ts';

const choice = process.argv[2] ?? 'auto';
if (!isBackendChoice(choice)) {
  console.log(JSON.stringify({ probes: [], error: `unknown backend ${choice}` }));
} else {
  try {
    const sel = await selectBackend(choice);
    console.log(JSON.stringify({ probes: sel.probes, chosen: { name: sel.name, reason: sel.reason } }));
  } catch (e) {
    const detail = (e as { detail?: string }).detail;
    console.log(JSON.stringify({ probes: detail ? [{ name: choice, loaded: false, detail }] : [], error: (e as Error).message }));
  }
}
