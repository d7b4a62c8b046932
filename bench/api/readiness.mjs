// Time to ready on an existing data directory: from spawning the server until /readyz answers 200.
import { freePort, startProcess, starcityEnv } from './processes.mjs';
import { median } from './load.mjs';

/** A user's environment: only the port, loopback and the data directory; demo load on, as by default. */
async function userEnv(dataDir) {
  const port = await freePort();
  const env = starcityEnv(port, { dataDir });
  delete env.STARCITY_DEMO;
  delete env.LOG_LEVEL;
  return { env, url: `http://127.0.0.1:${port}` };
}

async function timeStarts(name, command, args, dataDir, times, detached) {
  const ms = [];
  for (let i = 0; i < times; i++) {
    const { env, url } = await userEnv(dataDir);
    const server = await startProcess(name, command, args, { env, url, detached });
    ms.push(server.readyMs);
    await server.stop();
  }
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms), runs: ms.map(Math.round) };
}

/** `starcity serve` (the goal's measure) and the whole `npm start` (its build check and npm included). */
export async function readiness(dataDir, times) {
  return {
    serve: await timeStarts('starcity serve', process.execPath, ['bin/starcity.js', 'serve'], dataDir, times, false),
    npmStart: await timeStarts('npm start', 'npm', ['start', '--silent'], dataDir, times, true),
  };
}
