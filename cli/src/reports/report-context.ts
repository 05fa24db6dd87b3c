/** What a report format may need beyond the findings: how the run went and where the report goes. */
export interface ReportContext {
    /** How long the check took, in seconds (JUnit's `time`). */
    seconds: number;
    /** Whether the text report may colour its words (see output-style.ts). */
    colour: boolean;
    /** Warnings and information left out by `--quiet`, for the summary line to mention. */
    hidden: number;
}

export const PLAIN_CONTEXT: ReportContext = { seconds: 0, colour: false, hidden: 0 };
