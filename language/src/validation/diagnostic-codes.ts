/**
 * The stable codes of TrainSpec's diagnostics. Editors, CI reports and quick fixes key on
 * them, so a code never changes meaning once released.
 */
export const DiagnosticCode = {
    SyntaxError: 'syntax-error',
    UnparsableFile: 'unparsable-file',
    UnresolvedReference: 'unresolved-reference',
    DuplicateIdentifier: 'duplicate-identifier',
    BuiltinRedefined: 'builtin-redefined',
    UncoveredRequirement: 'uncovered-requirement',
    CoverageAwaitsSyntaxFix: 'coverage-awaits-syntax-fix',
    SkillSetCovered: 'skill-set-covered',
    MissingPathway: 'missing-pathway',
    ProgrammeWithoutRole: 'programme-without-role',
    ModuleCoversNothing: 'module-covers-nothing',
    OrphanModule: 'orphan-module',
    NonPositiveHours: 'non-positive-hours',
    RepeatedClause: 'repeated-clause',
    RepeatedReference: 'repeated-reference',
    RoleExtendsCycle: 'role-extends-cycle',
    TooManyProblems: 'too-many-problems'
} as const;

export type DiagnosticCode = typeof DiagnosticCode[keyof typeof DiagnosticCode];

/**
 * Checks in this validation category depend on other documents as well as their own.
 * They are re-run for every document after each change, so their diagnostics stay current.
 */
export const WORKSPACE_CATEGORY = 'workspace';
