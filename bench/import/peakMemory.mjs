// Loaded with `node --import` into the `starcity import` the benchmark runs: writes the process's
// peak resident memory (KiB) to BENCH_PEAK_FILE when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_PEAK_FILE) writeFileSync(process.env.BENCH_PEAK_FILE, String(process.resourceUsage().maxRSS));
});
