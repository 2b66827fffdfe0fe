import type { Benchmark } from '../harness';
import { apiLatency } from './api-latency';
import { asOfRegister } from './as-of';
import { findingsDashboard } from './findings-dashboard';
import { registerExport } from './register-export';
import { registerImport } from './register-import';

/**
 * Every benchmark, in the order they run at each scale (and appear in docs/benchmarks.md).
 * Export, import and findings measure their baselines now and their feature once it is merged
 * (they probe its route, or say TODO in the report).
 */
export const BENCHMARKS: Benchmark[] = [registerExport, registerImport, apiLatency, findingsDashboard, asOfRegister];
