/** How coverage gaps are reported: as errors, warnings, information, or not at all. */
export type CoverageSeverity = 'error' | 'warning' | 'information' | 'off';

export const COVERAGE_SEVERITIES: readonly CoverageSeverity[] = ['error', 'warning', 'information', 'off'];

/** The user's choices that change what TrainSpec reports (editor settings, CLI flags). */
export interface TrainSpecSettings {
    coverageSeverity: CoverageSeverity;
}

export class DefaultTrainSpecSettings implements TrainSpecSettings {
    coverageSeverity: CoverageSeverity = 'warning';
}
