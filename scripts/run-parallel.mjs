// `node scripts/run-parallel.mjs <script>...`: runs the package.json scripts side by side and fails if any fails.
// why: `npm test` ran ESLint, tsc and the build one after another, each using about one core of the two on CI;
// side by side they take about as long as the slowest. Each script's output is held and printed whole when it
// ends, so the lines of two tools never interleave.
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node scripts/run-parallel.mjs <npm script>...');
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();
const results = await Promise.all(
  scripts.map(
    (script) =>
      new Promise((resolve) => {
        const child = spawn(npm, ['run', script], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
        let output = '';
        child.stdout.on('data', (b) => (output += b));
        child.stderr.on('data', (b) => (output += b));
        child.on('error', (err) => resolve({ script, code: 1, output: `${output}${err.message}\n` }));
        child.on('close', (code, signal) => {
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          const ok = code === 0;
          process.stdout.write(`\n── npm run ${script}: ${ok ? 'ok' : `failed (${signal ?? `exit ${code}`})`} after ${seconds} s\n${output}`);
          resolve({ script, code: ok ? 0 : 1, output });
        });
      }),
  ),
);

const failed = results.filter((r) => r.code !== 0).map((r) => r.script);
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
