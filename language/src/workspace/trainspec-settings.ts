import { COVERAGE_SEVERITIES, type CoverageSeverity } from '../protocol/constants.js';

export { COVERAGE_SEVERITIES, type CoverageSeverity };

/** The user's choices that change what TrainSpec reports (editor settings, CLI flags). */
export interface TrainSpecSettings {
    coverageSeverity: CoverageSeverity;
}

export class DefaultTrainSpecSettings implements TrainSpecSettings {
    coverageSeverity: CoverageSeverity = 'warning';
}
