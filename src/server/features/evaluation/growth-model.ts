import { CholeskyDecomposition, Matrix } from 'ml-matrix';

// The piecewise (interrupted) growth model of the effect evaluation, fitted by REML:
//
//   score = β0 + β1·a1 + β2·a2 + β3·d + random intercepts + e
//   a1 = min(time, t0), a2 = max(0, time − t0), d = 1 when time ≥ t0, t0 = the training time of the row's school
//
// with a random intercept per person (`person`) or per school and per person (`school-person`). It is the
// model lme4 fits with `lmer(score ~ a1 + a2 + d + (1 | person), REML = TRUE)` (and `(1 | school) + (1 | person)`),
// written the way lme4 writes it (Bates et al. 2015, "Fitting linear mixed-effects models using lme4", §3):
// the random effects' standard deviations relative to the residual one, θ, are the only parameters searched
// for; for each θ the fixed effects, the residual variance and the REML criterion follow in closed form.
//
// Speed comes from the structure: every row has one person and one school, so Λ'Z'ZΛ + I is diagonal in its
// person block. Persons with as many measurements in the same schools weigh the same for every θ, so they are
// summed into one group once; one evaluation of the criterion then costs (groups + schools³), not rows.

/** One measurement: a person's score at a time (waves numbered on one clock with the training times). */
export interface GrowthMeasurement {
  person: string;
  school: string;
  time: number;
  score: number;
}

export const RANDOM_EFFECTS = ['person', 'school-person'] as const;
export type RandomEffects = (typeof RANDOM_EFFECTS)[number];

export interface Estimate {
  estimate: number;
  se: number;
}

export interface GrowthFit {
  rows: number;
  persons: number;
  schools: number;
  model: RandomEffects;
  fixed: { intercept: Estimate; baselineSlope: Estimate; implementationSlope: Estimate; levelChange: Estimate };
  /** implementationSlope − baselineSlope: growth after the training minus growth before it. */
  slopeDifference: Estimate;
  variance: { person: number; residual: number; school?: number };
  logLikREML: number;
  /** A random-effect variance was estimated at 0 (lme4: "boundary (singular) fit"). */
  isSingular: boolean;
  /** The fixed effects' covariance, in the order intercept, baselineSlope, implementationSlope, levelChange. */
  covariance: number[][];
}

/** Data the model cannot be fitted to; the message says why in words a user can act on. */
export class GrowthModelError extends Error {
  override readonly name = 'GrowthModelError';
}

/** The model's terms for one measurement, given its school's training time t0. */
export function growthTerms(time: number, trainingTime: number): { a1: number; a2: number; d: number } {
  return { a1: Math.min(time, trainingTime), a2: Math.max(0, time - trainingTime), d: time >= trainingTime ? 1 : 0 };
}

const FIXED_COUNT = 4;
// Columns of the cross products: the four fixed-effect columns, then the (centred) score.
const COLUMNS = FIXED_COUNT + 1;

/** Persons who weigh the same for every θ: as many measurements, in the same schools. */
interface PersonGroup {
  measurements: number;
  /** [school index, measurements there] for every school the persons were measured in. */
  schools: [number, number][];
  persons: number;
  /** Σ over the persons of their summed row (fixed-effect columns and score). */
  sum: Float64Array;
  /** Σ over the persons of sum·sumᵀ, row-major COLUMNS × COLUMNS. */
  outer: Float64Array;
}

interface SufficientStatistics {
  rows: number;
  persons: number;
  schools: number;
  scoreMean: number;
  /** [X y]ᵀ[X y], row-major. */
  crossProduct: Float64Array;
  /** Per school: its rows and the sum of its rows. */
  schoolRows: number[];
  schoolSums: Float64Array[];
  groups: PersonGroup[];
}

/**
 * Fits the growth model by REML. `trainingTimes` holds every school's training time; throws a
 * GrowthModelError for data lme4 would refuse or that cannot identify the four fixed effects.
 */
export function fitGrowthModel(
  measurements: readonly GrowthMeasurement[],
  trainingTimes: ReadonlyMap<string, number>,
  model: RandomEffects,
): GrowthFit {
  const statistics = sufficientStatistics(measurements, trainingTimes);
  checkIdentifiable(statistics, model);
  const criterion = (theta: Theta) => evaluate(statistics, theta, model).deviance;
  const theta = model === 'person' ? minimisePerson(criterion) : minimiseSchoolPerson(criterion);
  const best = evaluate(statistics, theta, model);
  const residual = best.residualVariance;
  const covariance = best.fixedCovariance;
  const estimateAt = (index: number, shift = 0): Estimate => ({
    estimate: best.fixed[index]! + shift,
    se: Math.sqrt(covariance[index]![index]!),
  });
  const slopeDifference = best.fixed[2]! - best.fixed[1]!;
  const slopeDifferenceVariance = covariance[1]![1]! + covariance[2]![2]! - 2 * covariance[1]![2]!;
  return {
    rows: statistics.rows,
    persons: statistics.persons,
    schools: statistics.schools,
    model,
    fixed: {
      intercept: estimateAt(0, statistics.scoreMean),
      baselineSlope: estimateAt(1),
      implementationSlope: estimateAt(2),
      levelChange: estimateAt(3),
    },
    slopeDifference: { estimate: slopeDifference, se: Math.sqrt(slopeDifferenceVariance) },
    variance: {
      person: theta.person ** 2 * residual,
      residual,
      ...(model === 'school-person' ? { school: theta.school ** 2 * residual } : {}),
    },
    logLikREML: -best.deviance / 2,
    isSingular: theta.person === 0 || (model === 'school-person' && theta.school === 0),
    covariance,
  };
}

function sufficientStatistics(measurements: readonly GrowthMeasurement[], trainingTimes: ReadonlyMap<string, number>): SufficientStatistics {
  const scoreMean = measurements.reduce((sum, row) => sum + row.score, 0) / measurements.length;
  const schoolIndex = new Map<string, number>();
  const schoolRows: number[] = [];
  const schoolSums: Float64Array[] = [];
  const personRows = new Map<string, { sum: Float64Array; schools: Map<number, number>; measurements: number }>();
  const crossProduct = new Float64Array(COLUMNS * COLUMNS);
  const row = new Float64Array(COLUMNS);
  for (const measurement of measurements) {
    const trainingTime = trainingTimes.get(measurement.school);
    if (trainingTime === undefined) throw new GrowthModelError(`school "${measurement.school}" has no training time`);
    const { a1, a2, d } = growthTerms(measurement.time, trainingTime);
    row.set([1, a1, a2, d, measurement.score - scoreMean]);
    addOuter(crossProduct, row, 1);
    let school = schoolIndex.get(measurement.school);
    if (school === undefined) {
      school = schoolRows.length;
      schoolIndex.set(measurement.school, school);
      schoolRows.push(0);
      schoolSums.push(new Float64Array(COLUMNS));
    }
    schoolRows[school]! += 1;
    addTo(schoolSums[school]!, row);
    let person = personRows.get(measurement.person);
    if (person === undefined) {
      person = { sum: new Float64Array(COLUMNS), schools: new Map(), measurements: 0 };
      personRows.set(measurement.person, person);
    }
    person.measurements += 1;
    person.schools.set(school, (person.schools.get(school) ?? 0) + 1);
    addTo(person.sum, row);
  }
  const groups = new Map<string, PersonGroup>();
  for (const person of personRows.values()) {
    const schools = [...person.schools].sort(([a], [b]) => a - b);
    const key = JSON.stringify(schools);
    let group = groups.get(key);
    if (group === undefined) {
      group = { measurements: person.measurements, schools, persons: 0, sum: new Float64Array(COLUMNS), outer: new Float64Array(COLUMNS * COLUMNS) };
      groups.set(key, group);
    }
    group.persons += 1;
    addTo(group.sum, person.sum);
    addOuter(group.outer, person.sum, 1);
  }
  return {
    rows: measurements.length,
    persons: personRows.size,
    schools: schoolRows.length,
    scoreMean,
    crossProduct,
    schoolRows,
    schoolSums,
    groups: [...groups.values()],
  };
}

function checkIdentifiable(statistics: SufficientStatistics, model: RandomEffects): void {
  if (statistics.rows === 0) throw new GrowthModelError('there are no measurements');
  const fixed = fixedBlock(statistics.crossProduct);
  const count = (column: number) => fixed.get(0, column);
  if (count(3) === 0) throw new GrowthModelError('no measurement lies at or after its school\'s training time: the change cannot be estimated');
  if (count(3) === statistics.rows) throw new GrowthModelError('no measurement lies before its school\'s training time: growth before the training cannot be estimated');
  if (!new CholeskyDecomposition(fixed).isPositiveDefinite()) {
    throw new GrowthModelError('the times do not separate growth before and after the training (each school needs at least two times before and two after, or one at the training time)');
  }
  // lme4 refuses these too: a grouping factor needs more than one level and fewer levels than rows.
  if (statistics.persons >= statistics.rows) throw new GrowthModelError(`there are ${statistics.persons} persons for ${statistics.rows} measurements: some persons need more than one measurement`);
  if (model === 'school-person' && statistics.schools < 2) throw new GrowthModelError('the school-person model needs measurements from at least two schools');
  if (statistics.persons < 2) throw new GrowthModelError('the model needs measurements of at least two persons');
  if (statistics.rows <= FIXED_COUNT) throw new GrowthModelError(`${statistics.rows} measurements are too few for four fixed effects`);
}

interface Theta {
  person: number;
  /** 0 and unused in the person model. */
  school: number;
}

interface Evaluation {
  deviance: number;
  fixed: number[];
  fixedCovariance: number[][];
  residualVariance: number;
}

/**
 * The REML criterion at θ (lme4's −2 log restricted likelihood, profiled over β and σ), with the fixed
 * effects and their covariance. With M = Λ'Z'ZΛ + I: V/σ² = I + ZΛΛ'Z', and by Woodbury
 * [X y]'(V/σ²)⁻¹[X y] = [X y]'[X y] − Q, Q = (Λ'Z'[X y])' M⁻¹ (Λ'Z'[X y]); M is solved by eliminating its
 * diagonal person block first, which leaves the Schur complement S on the schools.
 */
function evaluate(statistics: SufficientStatistics, theta: Theta, model: RandomEffects): Evaluation {
  const hasSchools = model === 'school-person';
  const person2 = theta.person ** 2;
  const schoolCount = hasSchools ? statistics.schools : 0;
  const q = new Float64Array(COLUMNS * COLUMNS);
  let logDetM = 0;
  // W = Λ_s'Z_s'[X y] − G'P⁻¹Λ_p'Z_p'[X y] and S = I + θs²·diag(rows) − G'P⁻¹G, G = θpθs·(person × school counts).
  const w = new Matrix(schoolCount, COLUMNS);
  const s = new Matrix(schoolCount, schoolCount);
  for (let school = 0; school < schoolCount; school++) {
    s.set(school, school, 1 + theta.school ** 2 * statistics.schoolRows[school]!);
    for (let column = 0; column < COLUMNS; column++) w.set(school, column, theta.school * statistics.schoolSums[school]![column]!);
  }
  for (const group of statistics.groups) {
    const p = 1 + person2 * group.measurements;
    logDetM += group.persons * Math.log(p);
    for (let index = 0; index < q.length; index++) q[index]! += (person2 / p) * group.outer[index]!;
    if (!hasSchools) continue;
    const shared = (person2 * theta.school) / p;
    for (const [school, rows] of group.schools) {
      for (let column = 0; column < COLUMNS; column++) w.set(school, column, w.get(school, column) - shared * rows * group.sum[column]!);
      for (const [other, otherRows] of group.schools) {
        s.set(school, other, s.get(school, other) - shared * theta.school * group.persons * rows * otherRows);
      }
    }
  }
  if (hasSchools) {
    const cholesky = new CholeskyDecomposition(s);
    const lower = cholesky.lowerTriangularMatrix;
    for (let school = 0; school < schoolCount; school++) logDetM += 2 * Math.log(lower.get(school, school));
    const projected = w.transpose().mmul(cholesky.solve(w));
    for (let row = 0; row < COLUMNS; row++) for (let column = 0; column < COLUMNS; column++) q[row * COLUMNS + column]! += projected.get(row, column);
  }
  const reduced = Matrix.zeros(COLUMNS, COLUMNS);
  for (let row = 0; row < COLUMNS; row++) {
    for (let column = row; column < COLUMNS; column++) {
      const value = statistics.crossProduct[row * COLUMNS + column]! - q[row * COLUMNS + column]!;
      reduced.set(row, column, value);
      reduced.set(column, row, value);
    }
  }
  const xvx = fixedBlock(reduced.to1DArray());
  const xvy = Matrix.columnVector(Array.from({ length: FIXED_COUNT }, (_, row) => reduced.get(row, FIXED_COUNT)));
  const cholesky = new CholeskyDecomposition(xvx);
  const fixed = cholesky.solve(xvy).to1DArray();
  const penalisedResiduals = reduced.get(FIXED_COUNT, FIXED_COUNT) - fixed.reduce((sum, beta, row) => sum + beta * xvy.get(row, 0), 0);
  const freedom = statistics.rows - FIXED_COUNT;
  const lowerX = cholesky.lowerTriangularMatrix;
  let logDetX = 0;
  for (let row = 0; row < FIXED_COUNT; row++) logDetX += 2 * Math.log(lowerX.get(row, row));
  const residualVariance = penalisedResiduals / freedom;
  const deviance = logDetM + logDetX + freedom * (1 + Math.log((2 * Math.PI * penalisedResiduals) / freedom));
  const fixedCovariance = cholesky.solve(Matrix.eye(FIXED_COUNT)).mul(residualVariance).to2DArray();
  return { deviance, fixed, fixedCovariance, residualVariance };
}

function fixedBlock(crossProduct: ArrayLike<number>): Matrix {
  const block = Matrix.zeros(FIXED_COUNT, FIXED_COUNT);
  for (let row = 0; row < FIXED_COUNT; row++) for (let column = 0; column < FIXED_COUNT; column++) block.set(row, column, crossProduct[row * COLUMNS + column]!);
  return block;
}

function addTo(target: Float64Array, values: Float64Array): void {
  for (let index = 0; index < target.length; index++) target[index]! += values[index]!;
}

function addOuter(target: Float64Array, values: Float64Array, weight: number): void {
  for (let row = 0; row < COLUMNS; row++) for (let column = 0; column < COLUMNS; column++) target[row * COLUMNS + column]! += weight * values[row]! * values[column]!;
}

// ---- Searching θ ≥ 0 -------------------------------------------------------------------------------------

/** How much lower (in REML deviance) an interior θ must be than θ = 0 to count as a variance above 0. */
const BOUNDARY_TOLERANCE = 1e-9;

function minimisePerson(criterion: (theta: Theta) => number): Theta {
  return { person: minimiseOnHalfLine((person) => criterion({ person, school: 0 })).at, school: 0 };
}

/** Nested one-dimensional searches: for each school θ the best person θ; cheap because one evaluation is. */
function minimiseSchoolPerson(criterion: (theta: Theta) => number): Theta {
  const personAt = (school: number) => minimiseOnHalfLine((person) => criterion({ person, school }));
  const school = minimiseOnHalfLine((school) => personAt(school).value).at;
  return { person: personAt(school).at, school };
}

/**
 * The minimum of f on θ ≥ 0: Brent's method on [0, upper], the upper end moved out while the minimum sits at
 * it; then compared with f(0) itself, so a variance at the boundary is exactly 0, as lme4 reports it.
 */
function minimiseOnHalfLine(f: (theta: number) => number): { at: number; value: number } {
  let upper = 4;
  let best = brent(f, 0, upper);
  while (best.at > upper * 0.95 && upper < 1e6) {
    upper *= 10;
    best = brent(f, 0, upper);
  }
  // Near 0 the criterion is flat to rounding: a θ of 1e-8 that "beats" 0 by 1e-15 is noise, not a variance.
  const atZero = f(0);
  return atZero <= best.value + BOUNDARY_TOLERANCE ? { at: 0, value: atZero } : best;
}

/** Brent's minimisation without derivatives (golden section with parabolic steps), as in R's optimize(). */
function brent(f: (x: number) => number, lower: number, upper: number): { at: number; value: number } {
  const golden = (3 - Math.sqrt(5)) / 2;
  const tolerance = 1e-11;
  let a = lower;
  let b = upper;
  let x = a + golden * (b - a);
  let w = x;
  let v = x;
  let fx = f(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  for (let iteration = 0; iteration < 500; iteration++) {
    const middle = (a + b) / 2;
    const tol1 = Math.sqrt(Number.EPSILON) * Math.abs(x) + tolerance / 3;
    const tol2 = 2 * tol1;
    if (Math.abs(x - middle) <= tol2 - (b - a) / 2) break;
    let useGolden = true;
    if (Math.abs(e) > tol1) {
      const r = (x - w) * (fx - fv);
      let qq = (x - v) * (fx - fw);
      let p = (x - v) * qq - (x - w) * r;
      qq = 2 * (qq - r);
      if (qq > 0) p = -p;
      else qq = -qq;
      const previous = e;
      e = d;
      if (Math.abs(p) < Math.abs(0.5 * qq * previous) && p > qq * (a - x) && p < qq * (b - x)) {
        d = p / qq;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = x < middle ? tol1 : -tol1;
        useGolden = false;
      }
    }
    if (useGolden) {
      e = x < middle ? b - x : a - x;
      d = golden * e;
    }
    const u = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
    const fu = f(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { at: x, value: fx };
}
