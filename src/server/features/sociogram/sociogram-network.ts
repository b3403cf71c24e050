// The sociogram's network picture and its comparison over time (issue 15), as pure functions: the web app draws what
// `layoutNetwork` returns, the CLI and the benchmark call the same code. Only positive choices shape the picture —
// who wants to be with whom; "rather not" choices never move a pupil or change a group. Groups are graphology's
// Louvain communities, positions its ForceAtlas2 layout, both seeded so the same sociogram always looks the same.
import { createHash } from 'node:crypto';
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { seededRandom } from '../../../shared/seeded-random';
import type { CdcStatus, NbStatus, SociogramAnalysis, Valence } from '../../../shared/sociogram';

/** The drawing box every layout is scaled into, in the picture's own units. */
export const NETWORK_WIDTH = 1000;
export const NETWORK_HEIGHT = 700;
/** Room left free along each edge of the box (for a node's circle and its name). */
export const NETWORK_MARGIN = 40;

// ForceAtlas2's cost per iteration grows with n² (n log n with Barnes-Hut, which measured faster only from about 600
// nodes on: building its quadtree costs more than it saves below). See layoutNetwork for the iterations.
const MAX_ITERATIONS = 200;
const MIN_ITERATIONS = 30;
const ITERATION_BUDGET = 40_000;
const BARNES_HUT_FROM_NODES = 600;
// The least tie into another group that can make a bridge: a mutual choice, or two choices either way.
const BRIDGE_TIE_STRENGTH = 2;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
// The start (in ForceAtlas2's units): a group of k pupils in a disc of radius START_SPACING·√k around its place, the
// places on a sunflower spiral about two typical radii apart.
const START_SPACING = 10;
// How far (in box units) a node is moved, per step of the spiral, when another already sits on its spot.
const NUDGE_STEP = 6;

/** One choice as the picture needs it: who chose whom, on a question of which valence. */
export interface NetworkChoice {
  chooser: string;
  chosen: string;
  valence: Valence;
}

export interface NetworkInput {
  /** The class roster, in the order the nodes come back (a pupil listed twice counts once, at its first place). */
  pupils: readonly string[];
  /** Choices on any question; negative ones, self-choices and pupils not on the roster are left out. */
  choices: readonly NetworkChoice[];
  /** What makes the picture repeatable, e.g. the sociogram's id: the same input and seed give the same picture. */
  seed: string;
}

/** A pupil's place in the picture, inside the NETWORK_WIDTH × NETWORK_HEIGHT box (one decimal). */
export interface NetworkNode {
  pupil: string;
  x: number;
  y: number;
  /** The id of the pupil's group. */
  group: number;
}

/** A group of pupils who chose each other more than others (a Louvain community); ids 1, 2… in roster order. */
export interface NetworkGroup {
  id: number;
  /** In roster order. */
  pupils: string[];
}

export interface SociogramNetwork {
  /** In roster order. */
  nodes: NetworkNode[];
  /** Numbered by their first pupil's place on the roster; a pupil without positive ties is a group alone. */
  groups: NetworkGroup[];
  /** Pupils who connect groups (see `layoutNetwork`), in roster order. */
  bridges: string[];
}

interface NodeAttributes {
  x: number;
  y: number;
}

interface EdgeAttributes {
  /** Directed positive choices between the two pupils: 1, or 2 when mutual. */
  weight: number;
}

/**
 * Lays out one sociogram: an undirected graph of the positive choices (weight 1, or 2 for a mutual choice; choosing
 * the same pupil on two questions counts once), its groups by Louvain and positions by ForceAtlas2, both seeded from
 * `seed`. Nodes start around their group's place on a spiral, are laid out, then scaled uniformly (the shape kept)
 * into the box with NETWORK_MARGIN free on every side; a node that would land exactly on another is moved a little,
 * along a spiral, the same way every time.
 *
 * ForceAtlas2 runs ITERATION_BUDGET / n iterations, between 30 and 200 (inferred settings: strong gravity, so pupils
 * without ties stay near the others): a class of 30 gets 200 and settles (about 1 ms with Louvain), a whole school of
 * 1,000 gets 40 with Barnes-Hut (about 80 ms, `npm run bench:sociogram`) — enough because its groups start apart, each
 * around its own place, and 200 iterations there would take 0.5 s.
 *
 * A **bridge** is a pupil tied at least as strongly to another group as to their own, with a strength of at least
 * BRIDGE_TIE_STRENGTH (2) there; a tie's strength into a group is the number of directed positive choices between the
 * pupil and its members, so a mutual choice counts 2. So one stray choice never makes a bridge, and a pupil whose ties
 * lie mostly in their own group is not one; in generated classes of 30 about 4 pupils are (a looser rule, strength 2 into
 * any two groups, own included, named two thirds of the class).
 */
export function layoutNetwork(input: NetworkInput): SociogramNetwork {
  const pupils = [...new Set(input.pupils)];
  const seed = seedNumberOf(input.seed);
  const graph = positiveGraph(pupils, input.choices);

  // The communities draw from a stream of their own, so the start positions do not shift them.
  const communities = louvain(graph, { rng: seededRandom(seed + 1) });
  const groupOf = new Map<string, number>();
  const groupIdOfCommunity = new Map<number, number>();
  const groups: NetworkGroup[] = [];
  for (const pupil of pupils) {
    // A pupil without positive ties is a group alone, whatever the community algorithm makes of them.
    const community = graph.degree(pupil) === 0 ? undefined : communities[pupil];
    let id = community === undefined ? undefined : groupIdOfCommunity.get(community);
    if (id === undefined) {
      id = groups.length + 1;
      groups.push({ id, pupils: [] });
      if (community !== undefined) groupIdOfCommunity.set(community, id);
    }
    groups[id - 1]!.pupils.push(pupil);
    groupOf.set(pupil, id);
  }

  const placed = layoutPositions(graph, pupils, groups, groupOf, seed);
  return {
    nodes: pupils.map((pupil, index) => ({ pupil, x: placed[index]!.x, y: placed[index]!.y, group: groupOf.get(pupil)! })),
    groups,
    bridges: pupils.filter((pupil) => isBridge(graph, pupil, groupOf)),
  };
}

// The seed as the 32-bit number seededRandom takes (the first four bytes of its SHA-256, as test-seed.ts does).
function seedNumberOf(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32LE(0);
}

// Nodes in roster order and edges in roster order of their ends, so the result depends on neither the pupils' ids
// nor the order of the choices.
function positiveGraph(pupils: readonly string[], choices: readonly NetworkChoice[]): UndirectedGraph<NodeAttributes, EdgeAttributes> {
  const position = new Map(pupils.map((pupil, index) => [pupil, index]));
  const directed = new Set<string>();
  const weights = new Map<string, { first: number; second: number; weight: number }>();
  for (const { chooser, chosen, valence } of choices) {
    const from = position.get(chooser);
    const to = position.get(chosen);
    if (valence !== 'positive' || from === undefined || to === undefined || from === to) continue;
    const choice = `${from}>${to}`;
    if (directed.has(choice)) continue;
    directed.add(choice);
    const [first, second] = from < to ? [from, to] : [to, from];
    const pair = `${first}-${second}`;
    const found = weights.get(pair);
    if (found) found.weight += 1;
    else weights.set(pair, { first, second, weight: 1 });
  }
  const graph = new UndirectedGraph<NodeAttributes, EdgeAttributes>();
  for (const pupil of pupils) graph.addNode(pupil, { x: 0, y: 0 });
  const edges = [...weights.values()].sort((a, b) => a.first - b.first || a.second - b.second);
  for (const { first, second, weight } of edges) graph.addEdge(pupils[first]!, pupils[second]!, { weight });
  return graph;
}

// Seeded start (each group around its own place), ForceAtlas2, then into the box without two nodes on one spot.
function layoutPositions(
  graph: UndirectedGraph<NodeAttributes, EdgeAttributes>,
  pupils: readonly string[],
  groups: readonly NetworkGroup[],
  groupOf: ReadonlyMap<string, number>,
  seed: number,
): { x: number; y: number }[] {
  const random = seededRandom(seed);
  const groupSizes = groups.map((group) => group.pupils.length);
  const centres = groupCentres(groupSizes);
  for (const pupil of pupils) {
    const id = groupOf.get(pupil)!;
    const centre = centres[id - 1]!;
    const radius = START_SPACING * Math.sqrt(groupSizes[id - 1]!) * Math.sqrt(random());
    const angle = 2 * Math.PI * random();
    graph.mergeNodeAttributes(pupil, { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
  }
  const order = graph.order;
  if (order > 1) {
    forceAtlas2.assign(graph, {
      iterations: Math.round(Math.min(MAX_ITERATIONS, Math.max(MIN_ITERATIONS, ITERATION_BUDGET / order))),
      settings: { ...forceAtlas2.inferSettings(order), barnesHutOptimize: order >= BARNES_HUT_FROM_NODES },
    });
  }
  return separated(scaledIntoBox(pupils.map((pupil) => graph.getNodeAttributes(pupil))));
}

// Group g's place on a sunflower spiral (groups in roster order, so a school's classes start side by side), spaced
// by the typical group's radius.
function groupCentres(sizes: readonly number[]): { x: number; y: number }[] {
  const meanSize = sizes.reduce((total, size) => total + size, 0) / Math.max(1, sizes.length);
  const spacing = 2 * START_SPACING * Math.sqrt(meanSize);
  return sizes.map((_, index) => {
    const radius = spacing * Math.sqrt(index);
    return { x: radius * Math.cos(index * GOLDEN_ANGLE), y: radius * Math.sin(index * GOLDEN_ANGLE) };
  });
}

// One scale for both axes (the layout's shape kept), centred in the box inside its margin.
function scaledIntoBox(points: readonly { x: number; y: number }[]): { x: number; y: number }[] {
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const innerWidth = NETWORK_WIDTH - 2 * NETWORK_MARGIN;
  const innerHeight = NETWORK_HEIGHT - 2 * NETWORK_MARGIN;
  const scale = Math.min(maxX > minX ? innerWidth / (maxX - minX) : Infinity, maxY > minY ? innerHeight / (maxY - minY) : Infinity);
  const factor = Number.isFinite(scale) ? scale : 0;
  return points.map((point) => ({
    x: roundedIntoBox(NETWORK_WIDTH / 2 + (point.x - (minX + maxX) / 2) * factor, NETWORK_WIDTH),
    y: roundedIntoBox(NETWORK_HEIGHT / 2 + (point.y - (minY + maxY) / 2) * factor, NETWORK_HEIGHT),
  }));
}

function roundedIntoBox(value: number, size: number): number {
  return Math.round(Math.min(size - NETWORK_MARGIN, Math.max(NETWORK_MARGIN, value)) * 10) / 10;
}

// A node whose spot is taken (after rounding) moves out along a spiral until it finds a free one; earlier nodes on
// the roster keep their spot.
function separated(points: readonly { x: number; y: number }[]): { x: number; y: number }[] {
  const taken = new Set<string>();
  return points.map((point) => {
    let candidate = point;
    for (let step = 1; taken.has(`${candidate.x},${candidate.y}`); step += 1) {
      const radius = NUDGE_STEP * Math.sqrt(step);
      candidate = {
        x: roundedIntoBox(point.x + radius * Math.cos(step * GOLDEN_ANGLE), NETWORK_WIDTH),
        y: roundedIntoBox(point.y + radius * Math.sin(step * GOLDEN_ANGLE), NETWORK_HEIGHT),
      };
    }
    taken.add(`${candidate.x},${candidate.y}`);
    return candidate;
  });
}

function isBridge(graph: UndirectedGraph<NodeAttributes, EdgeAttributes>, pupil: string, groupOf: ReadonlyMap<string, number>): boolean {
  const ownGroup = groupOf.get(pupil)!;
  const strength = new Map<number, number>();
  graph.forEachEdge(pupil, (_edge, { weight }, source, target) => {
    const group = groupOf.get(source === pupil ? target : source)!;
    strength.set(group, (strength.get(group) ?? 0) + weight);
  });
  const own = strength.get(ownGroup) ?? 0;
  return [...strength].some(([group, total]) => group !== ownGroup && total >= BRIDGE_TIE_STRENGTH && total >= own);
}

/** How one pupil's place in the class changed between two sociograms. */
export interface PupilComparison {
  pupil: string;
  /** Isolated now and not in the previous sociogram; false for a pupil who was not on its roster. */
  newlyIsolated: boolean;
  /** Mutual friends now who were not before, in the current roster order (all of them for a pupil new to the class). */
  friendsGained: string[];
  /** Mutual friends before who are not now (also when the friend left the class), in the previous roster order. */
  friendsLost: string[];
  /** null: the pupil was not on the previous roster. */
  cdcBefore: CdcStatus | null;
  cdcNow: CdcStatus;
  nbBefore: NbStatus | null;
  nbNow: NbStatus;
}

/** Every pupil of the current sociogram, in its roster order. */
export type SociogramComparison = PupilComparison[];

/** Compares two analyses of one class (an earlier and a later sociogram), pupil by pupil of the later one. */
export function compareSociograms(previous: SociogramAnalysis, current: SociogramAnalysis): SociogramComparison {
  const before = new Map(previous.pupils.map((pupil) => [pupil.pupil, pupil]));
  return current.pupils.map((now) => {
    const then = before.get(now.pupil);
    const friendsThen = new Set(then?.mutualFriends ?? []);
    const friendsNow = new Set(now.mutualFriends);
    return {
      pupil: now.pupil,
      newlyIsolated: then !== undefined && now.isolated && !then.isolated,
      friendsGained: now.mutualFriends.filter((friend) => !friendsThen.has(friend)),
      friendsLost: (then?.mutualFriends ?? []).filter((friend) => !friendsNow.has(friend)),
      cdcBefore: then?.cdc ?? null,
      cdcNow: now.cdc,
      nbBefore: then?.nb ?? null,
      nbNow: now.nb,
    };
  });
}
