import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/seeded-random';
import { analyseSociogram, type Nomination, type SociogramQuestion } from '../../../shared/sociogram';
import { compareSociograms, layoutNetwork, NETWORK_HEIGHT, NETWORK_MARGIN, NETWORK_WIDTH, type NetworkChoice, type SociogramNetwork } from './sociogram-network';

const likes = (chooser: string, chosen: string): NetworkChoice => ({ chooser, chosen, valence: 'positive' });
const ratherNot = (chooser: string, chosen: string): NetworkChoice => ({ chooser, chosen, valence: 'negative' });
/** Everyone in the group chooses everyone else. */
const clique = (pupils: readonly string[]): NetworkChoice[] => pupils.flatMap((chooser) => pupils.filter((chosen) => chosen !== chooser).map((chosen) => likes(chooser, chosen)));
const A = ['a1', 'a2', 'a3', 'a4', 'a5'];
const B = ['b1', 'b2', 'b3', 'b4', 'b5'];

/** Each group's pupils, in group order. */
const groupsOf = (network: SociogramNetwork) => network.groups.map((group) => group.pupils);

function expectInsideTheBoxApart(network: SociogramNetwork): void {
  for (const { x, y } of network.nodes) {
    expect(x).toBeGreaterThanOrEqual(NETWORK_MARGIN);
    expect(x).toBeLessThanOrEqual(NETWORK_WIDTH - NETWORK_MARGIN);
    expect(y).toBeGreaterThanOrEqual(NETWORK_MARGIN);
    expect(y).toBeLessThanOrEqual(NETWORK_HEIGHT - NETWORK_MARGIN);
    expect(Math.round(x * 10) / 10).toBe(x);
    expect(Math.round(y * 10) / 10).toBe(y);
  }
  expect(new Set(network.nodes.map(({ x, y }) => `${x},${y}`)).size).toBe(network.nodes.length);
}

// A class of 30 with friendship clusters, a few unchosen pupils and "rather not" choices, from a seed.
function classOf(seed: number): { pupils: string[]; choices: NetworkChoice[] } {
  const random = seededRandom(seed);
  const pupils = Array.from({ length: 30 }, (_, index) => `pupil-${index + 1}`);
  const choices: NetworkChoice[] = [];
  pupils.forEach((chooser, index) => {
    const cluster = Math.floor(index / 6);
    for (let count = 0; count < 3; count += 1) {
      const inCluster = random() < 0.8;
      const other = inCluster ? cluster * 6 + Math.floor(random() * 6) : Math.floor(random() * 30);
      choices.push(likes(chooser, pupils[other]!));
    }
    choices.push(ratherNot(chooser, pupils[Math.floor(random() * 30)]!));
  });
  return { pupils, choices };
}

describe('the sociogram network picture', () => {
  it('gives the same picture for the same sociogram and seed, every time', () => {
    const input = { ...classOf(7), seed: 'sociogram-1' };
    const first = layoutNetwork(input);
    expect(layoutNetwork(input)).toEqual(first);
    expect(layoutNetwork({ ...input, choices: [...input.choices].reverse() })).toEqual(first);
    // Another seed: another drawing of the same two groups.
    const cliques = { pupils: [...A, ...B], choices: [...clique(A), ...clique(B)] };
    const one = layoutNetwork({ ...cliques, seed: 'one' });
    const other = layoutNetwork({ ...cliques, seed: 'other' });
    expect(groupsOf(other)).toEqual(groupsOf(one));
    expect(other.nodes).not.toEqual(one.nodes);
  });

  it('returns every pupil once, in roster order, inside the box with its margin and no two on one spot', () => {
    const { pupils, choices } = classOf(11);
    const network = layoutNetwork({ pupils: [...pupils, pupils[3]!], choices, seed: 's' });
    expect(network.nodes.map((node) => node.pupil)).toEqual(pupils);
    expect(network.groups.flatMap((group) => group.pupils).sort()).toEqual([...pupils].sort());
    expect(network.groups.map((group) => group.id)).toEqual(network.groups.map((_, index) => index + 1));
    for (const node of network.nodes) expect(network.groups[node.group - 1]!.pupils).toContain(node.pupil);
    expectInsideTheBoxApart(network);
    // Nobody chose anybody: forty groups of one, still apart and in the box; one pupil sits in the middle.
    const strangers = Array.from({ length: 40 }, (_, index) => `s${index}`);
    const apart = layoutNetwork({ pupils: strangers, choices: [], seed: 's' });
    expect(apart.groups).toHaveLength(40);
    expectInsideTheBoxApart(apart);
    expect(layoutNetwork({ pupils: ['alone'], choices: [], seed: 's' }).nodes).toEqual([{ pupil: 'alone', x: NETWORK_WIDTH / 2, y: NETWORK_HEIGHT / 2, group: 1 }]);
    expect(layoutNetwork({ pupils: [], choices: [], seed: 's' })).toEqual({ nodes: [], groups: [], bridges: [] });
  });

  it('makes two groups of two cliques that never chose each other, numbered by their first pupil on the roster', () => {
    const network = layoutNetwork({ pupils: ['b1', ...A, 'b2', 'b3', 'b4', 'b5'], choices: [...clique(B), ...clique(A)], seed: 's' });
    expect(groupsOf(network)).toEqual([B, A]);
    expect(network.nodes.map((node) => node.group)).toEqual([1, 2, 2, 2, 2, 2, 1, 1, 1, 1]);
    expect(network.bridges).toEqual([]);
    // The groups lie apart: every pupil is nearer the middle of their own group than of the other.
    const middleOf = (group: number) => {
      const members = network.nodes.filter((node) => node.group === group);
      return { x: members.reduce((sum, node) => sum + node.x, 0) / members.length, y: members.reduce((sum, node) => sum + node.y, 0) / members.length };
    };
    const middles = [middleOf(1), middleOf(2)];
    for (const node of network.nodes) {
      const [own, other] = node.group === 1 ? middles : [middles[1]!, middles[0]!];
      expect(Math.hypot(node.x - own!.x, node.y - own!.y)).toBeLessThan(Math.hypot(node.x - other!.x, node.y - other!.y));
    }
  });

  it('puts a pupil without positive ties in a group alone, also when chosen "rather not" or choosing nobody valid', () => {
    const network = layoutNetwork({
      pupils: [...A, 'lonely'],
      choices: [...clique(A), ratherNot('a1', 'lonely'), ratherNot('lonely', 'a2'), likes('lonely', 'lonely'), likes('lonely', 'stranger'), likes('stranger', 'lonely')],
      seed: 's',
    });
    expect(groupsOf(network)).toEqual([A, ['lonely']]);
    expect(network.nodes.at(-1)).toMatchObject({ pupil: 'lonely', group: 2 });
    expectInsideTheBoxApart(network);
  });

  it('calls a pupil with strong ties into two groups a bridge, and one tie either way not', () => {
    // x chooses two of each clique: a tie of strength 2 into both groups.
    const twoEach = layoutNetwork({ pupils: [...A, 'x', ...B], choices: [...clique(A), ...clique(B), likes('x', 'a1'), likes('x', 'a2'), likes('x', 'b1'), likes('x', 'b2')], seed: 's' });
    expect(twoEach.groups).toHaveLength(2);
    expect(twoEach.bridges).toEqual(['x']);
    // A mutual choice weighs 2 as well: x and their friends on both sides.
    const mutual = layoutNetwork({ pupils: [...A, 'x', ...B], choices: [...clique(A), ...clique(B), likes('x', 'a1'), likes('a1', 'x'), likes('x', 'b1'), likes('b1', 'x')], seed: 's' });
    expect(mutual.bridges).toContain('x');
    // One one-way choice into each clique: x joins one of them, nobody bridges.
    const weak = layoutNetwork({ pupils: [...A, 'x', ...B], choices: [...clique(A), ...clique(B), likes('x', 'a1'), likes('x', 'b1')], seed: 's' });
    expect(weak.groups).toHaveLength(2);
    expect(weak.bridges).toEqual([]);
  });

  it('is not moved by "rather not" choices at all', () => {
    const { pupils, choices } = classOf(3);
    const positive = choices.filter((choice) => choice.valence === 'positive');
    const everyoneRejectsEveryone = pupils.flatMap((chooser) => pupils.map((chosen) => ratherNot(chooser, chosen)));
    const without = layoutNetwork({ pupils, choices: positive, seed: 'n' });
    expect(layoutNetwork({ pupils, choices: [...everyoneRejectsEveryone, ...choices], seed: 'n' })).toEqual(without);
  });

  it('counts choosing the same pupil on two questions once', () => {
    const { pupils, choices } = classOf(5);
    const positive = choices.filter((choice) => choice.valence === 'positive');
    expect(layoutNetwork({ pupils, choices: [...positive, ...positive], seed: 'q' })).toEqual(layoutNetwork({ pupils, choices: positive, seed: 'q' }));
  });

  it('draws the same picture when the pupils are renamed (only the names change)', () => {
    const names = Array.from({ length: 12 }, (_, index) => `p${index}`);
    const choiceArb = fc.record({ chooser: fc.constantFrom(...names), chosen: fc.constantFrom(...names), valence: fc.constantFrom('positive' as const, 'negative' as const) });
    fc.assert(
      fc.property(fc.array(choiceArb, { maxLength: 50 }), fc.string({ maxLength: 8 }), (choices, seed) => {
        const rename = (pupil: string) => `renamed-${names.length - names.indexOf(pupil)}`;
        const network = layoutNetwork({ pupils: names, choices, seed });
        const renamed = layoutNetwork({ pupils: names.map(rename), choices: choices.map((choice) => ({ ...choice, chooser: rename(choice.chooser), chosen: rename(choice.chosen) })), seed });
        expect(renamed).toEqual({
          nodes: network.nodes.map((node) => ({ ...node, pupil: rename(node.pupil) })),
          groups: network.groups.map((group) => ({ ...group, pupils: group.pupils.map(rename) })),
          bridges: network.bridges.map(rename),
        });
        expectInsideTheBoxApart(network);
        // A pupil is alone in a group exactly when nobody chose them and they chose nobody (positively).
        for (const pupil of names) {
          const tied = choices.some((choice) => choice.valence === 'positive' && choice.chooser !== choice.chosen && (choice.chooser === pupil || choice.chosen === pupil));
          if (!tied) expect(network.groups.find((group) => group.pupils.includes(pupil))!.pupils).toEqual([pupil]);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('comparing two sociograms of a class', () => {
  const PLAY: SociogramQuestion = { id: 'play', valence: 'positive' };
  const NOT: SociogramQuestion = { id: 'not', valence: 'negative' };
  const chose = (chooser: string, chosen: string, question = 'play'): Nomination => ({ chooser, chosen, question });

  // Before: a–b and c–d friends, a also chose c. After: d has left, e is new; a–c friends, b chosen by nobody.
  const previous = analyseSociogram(['a', 'b', 'c', 'd'], [PLAY, NOT], [chose('a', 'b'), chose('b', 'a'), chose('c', 'd'), chose('d', 'c'), chose('a', 'c'), chose('b', 'd', 'not')]);
  const current = analyseSociogram(['a', 'b', 'c', 'e'], [PLAY, NOT], [chose('a', 'c'), chose('c', 'a'), chose('b', 'a'), chose('e', 'a'), chose('e', 'b', 'not'), chose('c', 'b', 'not')]);
  const comparison = compareSociograms(previous, current);
  const of = (pupil: string) => comparison.find((entry) => entry.pupil === pupil)!;

  it('lists every pupil of the later sociogram, in its roster order', () => {
    expect(comparison.map((entry) => entry.pupil)).toEqual(['a', 'b', 'c', 'e']);
  });

  it('shows friendships gained and lost, a friend who left the class among the lost', () => {
    expect(of('a')).toMatchObject({ friendsGained: ['c'], friendsLost: ['b'] });
    expect(of('b')).toMatchObject({ friendsGained: [], friendsLost: ['a'] });
    expect(of('c')).toMatchObject({ friendsGained: ['a'], friendsLost: ['d'] });
  });

  it('marks a pupil nobody chooses any more as newly isolated, and gives both statuses', () => {
    expect(of('b').newlyIsolated).toBe(true);
    expect(of('a').newlyIsolated).toBe(false);
    const before = previous.pupils.find((pupil) => pupil.pupil === 'b')!;
    const now = current.pupils.find((pupil) => pupil.pupil === 'b')!;
    expect(of('b')).toMatchObject({ cdcBefore: before.cdc, cdcNow: now.cdc, nbBefore: before.nb, nbNow: now.nb });
    expect(now.isolated && !before.isolated).toBe(true);
  });

  it('gives a pupil new to the class no earlier status, never "newly" isolated, and all friends as gained', () => {
    const newcomer = current.pupils.find((pupil) => pupil.pupil === 'e')!;
    expect(newcomer.isolated).toBe(true);
    expect(of('e')).toEqual({ pupil: 'e', newlyIsolated: false, friendsGained: [], friendsLost: [], cdcBefore: null, cdcNow: newcomer.cdc, nbBefore: null, nbNow: newcomer.nb });
    const befriended = compareSociograms(previous, analyseSociogram(['e', 'c', 'd'], [PLAY], [chose('e', 'd'), chose('d', 'e'), chose('e', 'c'), chose('c', 'e')]));
    expect(befriended[0]).toMatchObject({ pupil: 'e', friendsGained: ['c', 'd'], cdcBefore: null, nbBefore: null });
  });

  it('keeps gained friends in the later roster order and lost ones in the earlier', () => {
    const before = analyseSociogram(['a', 'b', 'c', 'd', 'e'], [PLAY], [chose('a', 'b'), chose('b', 'a'), chose('a', 'c'), chose('c', 'a')]);
    const after = analyseSociogram(['e', 'd', 'c', 'b', 'a'], [PLAY], [chose('a', 'd'), chose('d', 'a'), chose('a', 'e'), chose('e', 'a')]);
    const a = compareSociograms(before, after).find((entry) => entry.pupil === 'a')!;
    expect(a).toMatchObject({ friendsGained: ['e', 'd'], friendsLost: ['b', 'c'] });
  });
});
