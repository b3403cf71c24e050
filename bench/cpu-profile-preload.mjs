// Preloaded (NODE_OPTIONS=--import …) into the server processes, and the baseline server, by
// `npm run bench:checkin -- --cpu-prof <folder>`: Node 20 refuses `--cpu-prof` in NODE_OPTIONS, and the server is
// started through bin/groeiwijzer.js by the shared harness, so the profiler is started here through the inspector
// instead, and the profile is written, as `--cpu-prof` would, into GW_CPU_PROFILE_DIR when the process exits. Only
// the main thread is profiled (tsx's loader thread is not). Plain JavaScript: it runs before tsx is loaded.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const folder = process.env.GW_CPU_PROFILE_DIR;
if (folder) {
  const session = new Session();
  session.connect();
  // 500 µs: twice `--cpu-prof`'s default, so a short run still gives enough samples per function.
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.start');
  // The in-process inspector answers synchronously, so the profile can still be written in 'exit'.
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      writeFileSync(join(folder, `cpu-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
