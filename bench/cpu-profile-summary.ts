// `npx tsx bench/cpu-profile-summary.ts <file.cpuprofile | folder> [--top 15] [--after 5 | --from <function>]
//      [--callers <function>] [--root /work/main]`
//
// Where a process's CPU went, from a V8 profile as `node --cpu-prof` writes it (e.g. `npm run bench:checkin --
// --cpu-prof <folder>`, which profiles the server processes). Prints the top entries by self time (the function
// itself was running) and by inclusive time (the function was on the stack), per function and per file, and per
// package (node_modules/<name>, Node's built-ins, our own src/ folders). Given a folder, it reads the newest
// .cpuprofile in it. `--after <seconds>` leaves out the first seconds of the profile (start-up: loading modules,
// migrating), so the figures describe the requests; `--from <function>` counts from the first sample with that
// function on the stack instead (`--from resumePupilDevice`: from the first check-in on). `--callers <function>` adds
// where that function's self time came from: per sample, the nearest frame of our own code (src/) above it.
// The profile samples the main thread's wall time: time blocked in a system call (SQLite's fsync at a commit) counts
// as the function that made it, and so does time the process waited for a core on a busy machine. Not a test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** One node of the call tree as V8 writes it. */
const profileNodeSchema = z.object({
  id: z.number(),
  callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number(), columnNumber: z.number() }),
  children: z.array(z.number()).optional(),
});

/** The parts of a .cpuprofile this summary reads (extra fields are ignored). */
const cpuProfileSchema = z.object({
  nodes: z.array(profileNodeSchema),
  startTime: z.number(),
  endTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
type CpuProfile = z.infer<typeof cpuProfileSchema>;

const optionsSchema = z.strictObject({
  top: z.coerce.number().int().min(1).max(1_000).default(15),
  after: z.coerce.number().min(0).default(0),
  root: z.string().default(process.cwd()),
  callers: z.string().min(1).optional(),
  from: z.string().min(1).optional(),
});
type SummaryOptions = z.infer<typeof optionsSchema>;

/** Time per key (µs), self and inclusive. */
interface Tally {
  self: Map<string, number>;
  inclusive: Map<string, number>;
}

/** A summary of one profile: the time counted, and the tallies per function, file and package. */
export interface ProfileSummary {
  countedMicroseconds: number;
  byFunction: Tally;
  byFile: Tally;
  byPackage: Tally;
  /** With `callers`: self time of that function per nearest frame of our own code on its stack. */
  callersOf: Map<string, number>;
}

// The V8 pseudo-frames: not code of anyone's, but where the time went all the same.
const PSEUDO_FRAMES = new Set(['(program)', '(idle)', '(garbage collector)', '(root)']);

/** A file's name as printed: relative to the repository, node_modules shortened to the package's own path. */
function fileOf(url: string, root: string): string {
  if (url === '') return '(no file)';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules !== -1) return path.slice(inModules + 1);
  return path.startsWith('/') ? relative(root, path) : path;
}

/** The package a file belongs to: node_modules/<name> (scoped names whole), node:internal, or the repository folder. */
function packageOf(file: string): string {
  if (file.startsWith('node_modules/')) {
    const [, first = '', second = ''] = file.split('/');
    return `node_modules/${first.startsWith('@') ? `${first}/${second}` : first}`;
  }
  if (file.startsWith('node:') || file.startsWith('internal/')) return 'node (built-in)';
  if (file.startsWith('(')) return file;
  return file.split('/').slice(0, 3).join('/');
}

function add(map: Map<string, number>, key: string, microseconds: number): void {
  map.set(key, (map.get(key) ?? 0) + microseconds);
}

/** Tallies self and inclusive time per function, file and package, leaving out the first `afterMs` of the profile. */
export function summarize(profile: CpuProfile, root: string, afterMs = 0, callers?: string, from?: string): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

  // Keys per node, worked out once: a node's function, file and package, and the same for its whole stack.
  const keysOf = new Map<number, { fn: string; file: string; pkg: string }>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    if (PSEUDO_FRAMES.has(name)) {
      keysOf.set(node.id, { fn: name, file: name, pkg: name });
      continue;
    }
    const file = fileOf(url, root);
    // With the column: tsx compiles a TypeScript file onto few lines, so the line alone does not tell two
    // anonymous functions of one file apart (the positions are those of the compiled code, not of the .ts source).
    keysOf.set(node.id, { fn: `${name}  ${file}:${lineNumber + 1}:${columnNumber + 1}`, file, pkg: packageOf(file) });
  }
  const stackKeys = new Map<number, { fns: Set<string>; files: Set<string>; pkgs: Set<string> }>();
  const stackOf = (id: number) => {
    const known = stackKeys.get(id);
    if (known) return known;
    const keys = { fns: new Set<string>(), files: new Set<string>(), pkgs: new Set<string>() };
    // Walked up to the root: a recursive function counts once per sample, not once per frame.
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const own = keysOf.get(at);
      if (!own || own.fn === '(root)') continue;
      keys.fns.add(own.fn);
      keys.files.add(own.file);
      keys.pkgs.add(own.pkg);
    }
    stackKeys.set(id, keys);
    return keys;
  };

  const summary: ProfileSummary = {
    countedMicroseconds: 0,
    byFunction: { self: new Map(), inclusive: new Map() },
    byFile: { self: new Map(), inclusive: new Map() },
    byPackage: { self: new Map(), inclusive: new Map() },
    callersOf: new Map(),
  };
  const nearestOwnFrame = (id: number): string => {
    for (let at: number | undefined = parentOf.get(id); at !== undefined; at = parentOf.get(at)) {
      const own = keysOf.get(at);
      if (own && own.file.startsWith('src/')) return own.fn;
    }
    return '(none of ours)';
  };
  const hasOnStack = (id: number, name: string) => {
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) if (byId.get(at)?.callFrame.functionName === name) return true;
    return false;
  };
  // A sample's time is the delta to the NEXT sample (V8 records the delta before each one).
  let elapsed = 0;
  let hasStarted = from === undefined;
  for (let index = 0; index < profile.samples.length; index += 1) {
    elapsed += profile.timeDeltas[index] ?? 0;
    const duration = profile.timeDeltas[index + 1] ?? 0;
    if (elapsed / 1000 < afterMs) continue;
    const id = profile.samples[index]!;
    hasStarted ||= hasOnStack(id, from!);
    if (!hasStarted) continue;
    const own = keysOf.get(id);
    if (!own || !byId.has(id) || own.fn === '(idle)') continue;
    summary.countedMicroseconds += duration;
    add(summary.byFunction.self, own.fn, duration);
    add(summary.byFile.self, own.file, duration);
    add(summary.byPackage.self, own.pkg, duration);
    const stack = stackOf(id);
    for (const key of stack.fns) add(summary.byFunction.inclusive, key, duration);
    for (const key of stack.files) add(summary.byFile.inclusive, key, duration);
    for (const key of stack.pkgs) add(summary.byPackage.inclusive, key, duration);
    if (callers !== undefined && byId.get(id)?.callFrame.functionName === callers) add(summary.callersOf, nearestOwnFrame(id), duration);
  }
  return summary;
}

function printTop(title: string, map: Map<string, number>, total: number, top: number): void {
  console.log(`\n${title}`);
  const rows = [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [key, microseconds] of rows) {
    console.log(`${(microseconds / 1000).toFixed(0).padStart(8)} ms ${((100 * microseconds) / Math.max(total, 1)).toFixed(1).padStart(5)} %  ${key}`);
  }
}

function newestProfileIn(folder: string): string {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => join(folder, name))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (files.length === 0) throw new Error(`No .cpuprofile in ${folder}`);
  return files[0]!;
}

function main(argv: string[]): void {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { top: { type: 'string' }, after: { type: 'string' }, root: { type: 'string' }, callers: { type: 'string' }, from: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const options: SummaryOptions = optionsSchema.parse(values);
  const target = positionals[0];
  if (!target) throw new Error('Usage: tsx bench/cpu-profile-summary.ts <file.cpuprofile | folder> [--top 15] [--after <seconds>] [--from <function name>] [--callers <function name>]');
  const file = statSync(target).isDirectory() ? newestProfileIn(target) : target;
  const profile = cpuProfileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const summary = summarize(profile, options.root, options.after * 1000, options.callers, options.from);
  const total = summary.countedMicroseconds;
  console.log(`${file}: ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s profiled, ${(total / 1e6).toFixed(2)} s CPU counted (idle left out${options.after > 0 ? `, first ${options.after} s left out` : ''}${options.from ? `, counted from the first ${options.from}` : ''})`);
  printTop('self time by function', summary.byFunction.self, total, options.top);
  printTop('self time by file', summary.byFile.self, total, options.top);
  printTop('self time by package', summary.byPackage.self, total, options.top);
  printTop('inclusive time by function', summary.byFunction.inclusive, total, options.top);
  printTop('inclusive time by file', summary.byFile.inclusive, total, options.top);
  printTop('inclusive time by package', summary.byPackage.inclusive, total, options.top);
  if (options.callers) printTop(`self time of ${options.callers}, by the nearest frame of our own code above it`, summary.callersOf, total, options.top);
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
