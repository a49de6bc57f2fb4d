/**
 * Preloaded into the ingest process when /usr/bin/time is missing: on exit, writes the process's
 * peak resident set size (worker threads included) to the file named by the environment.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.CHRONICLE_BENCH_MAX_RSS_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
  });
}
