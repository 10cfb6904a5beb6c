/** One row of `npm run bench`: a figure, and where there is one, its raw reference from the same run. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The raw reference measured in the same run (same unit). */
  reference?: number;
  /** value / reference (or reference / value for latencies, so that higher is better). */
  ratio?: number;
  /** The target from the issue, as text, e.g. '≥ 0.5× raw' or 'p99 ≤ 10 ms'. */
  target?: string;
  /** Whether the target is met (when it can be judged from this row). */
  met?: boolean;
}

export interface BenchModule { title: string; run(): Promise<BenchRow[]> }
