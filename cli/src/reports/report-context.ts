/** What a report may say about the run besides its findings. */
export interface RunInfo {
    /** TrainSpec's version. */
    version: string;
    /** The working folder, which the report's paths are relative to. */
    cwd: string;
}

/** What a report format may need beyond the findings: how the run went and where the report goes. */
export interface ReportContext extends RunInfo {
    /** How long the check took, in seconds (JUnit's `time`). */
    seconds: number;
    /** Whether the text report may colour its words (see output-style.ts). */
    colour: boolean;
    /** Warnings and information left out by `--quiet`, for the summary line to mention. */
    hidden: number;
}
