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

/** The codes of problems with the command line's input (paths, files), which make `trainspec check` exit with 2. */
export const InputProblemCode = {
    MissingPath: 'missing-path',
    NoMatchingFiles: 'no-matching-files',
    UnsupportedFile: 'unsupported-file',
    UnreadableFile: 'unreadable-file',
    NotAFile: 'not-a-file',
    SymlinkLoop: 'symlink-loop',
    FileTooLarge: 'file-too-large',
    BinaryFile: 'binary-file',
    InvalidUtf8: 'invalid-utf8'
} as const;

export type InputProblemCode = typeof InputProblemCode[keyof typeof InputProblemCode];

/** How a finding is reported by default. */
export type DefaultSeverity = 'error' | 'warning' | 'information';

/** What a configuration file may set a code to. */
export const CONFIGURED_SEVERITIES = ['off', 'information', 'warning', 'error'] as const;
export type ConfiguredSeverity = typeof CONFIGURED_SEVERITIES[number];

/** Everything TrainSpec says about one code, wherever it is listed (README, config schema, SARIF rules). */
export interface DiagnosticCodeInfo<C extends string = DiagnosticCode | InputProblemCode> {
    code: C;
    /** 'spec' for a finding in a spec or catalogue; 'input' for a problem with the command's input. */
    kind: 'spec' | 'input';
    severity: DefaultSeverity;
    /** Whether a configuration file may change its severity or turn it off. */
    configurable: boolean;
    /** A short title, such as a rule list shows. */
    title: string;
    /** When it is reported, in one line. */
    description: string;
    /** What to do about it. */
    help: string;
    /** A command-line option and an editor setting that also set its severity, if any. */
    alsoSetBy?: { option: string; setting: string };
}

type CodeList<C extends string> = { readonly [K in C]: Omit<DiagnosticCodeInfo<K>, 'code'> };

const SPEC_CODES: CodeList<DiagnosticCode> = {
    'syntax-error': {
        kind: 'spec', severity: 'error', configurable: false,
        title: 'Syntax error',
        description: 'The text does not follow the spec or catalogue grammar. The message says, in the words of the spec, what is missing or out of place: "`hours` needs a whole number, such as `hours 30`." One slip is one error; the rest of the file is still read.',
        help: 'Correct the text at the place shown: the message says what is missing or out of place there.'
    },
    'unparsable-file': {
        kind: 'spec', severity: 'error', configurable: false,
        title: 'File the parser cannot take',
        description: 'The file is nested too deeply, or is too malformed, for the parser.',
        help: 'The file was not checked at all. Check that it is a programme spec or catalogue, and that its braces are balanced and not nested hundreds of levels deep.'
    },
    'unresolved-reference': {
        kind: 'spec', severity: 'error', configurable: true,
        title: 'Unknown name',
        description: 'A name that no loaded catalogue or spec declares; up to three "did you mean" suggestions.',
        help: 'Correct the spelling (the quick fix offers the suggestions), or declare the name in a catalogue or spec in the workspace.'
    },
    'duplicate-identifier': {
        kind: 'spec', severity: 'error', configurable: true,
        title: 'Identifier declared twice',
        description: 'The same identifier is declared twice; reported on each declaration.',
        help: 'Rename one of the declarations, or remove the copy.'
    },
    'builtin-redefined': {
        kind: 'spec', severity: 'error', configurable: true,
        title: 'Built-in identifier reused',
        description: 'A workspace file reuses an identifier of the built-in library.',
        help: 'Choose another identifier: the built-in standards are always loaded, and their identifiers cannot be declared again.'
    },
    'uncovered-requirement': {
        kind: 'spec', severity: 'warning', configurable: true,
        title: 'Requirement no module covers',
        description: 'A requirement of a target role or pathway that no module covers; one per requirement, on the `prepares` or `pathway` line. For a skill set, the message names the units that would meet it.',
        help: 'Add the requirement to the `covers` line of a module of the programme (the quick fix offers one), or add a module that covers it.',
        alsoSetBy: { option: '--coverage-severity', setting: 'trainspec.coverage.severity' }
    },
    'coverage-awaits-syntax-fix': {
        kind: 'spec', severity: 'information', configurable: true,
        title: 'Coverage waits for a syntax error to be fixed',
        description: 'A syntax error that could have changed the programme or a module it includes (one in them, or a token after them that fits in no programme or module, such as a `}` too many) stands, so no `uncovered-requirement` is reported for it: "Coverage is checked once the syntax error on line 10 is fixed." (naming the file when it is another). The code lens, hover and coverage view say the same.',
        help: 'Fix the syntax error named: the parser may have left out clauses around it, so gaps found meanwhile would not be real.'
    },
    'skill-set-covered': {
        kind: 'spec', severity: 'information', configurable: true,
        title: 'Skill set covered by name',
        description: 'A module `covers` a core skill set itself, which meets no requirement: only a unit of the set does. The message names the set\'s units.',
        help: 'Cover one of the set\'s units instead (the quick fix offers them).'
    },
    'missing-pathway': {
        kind: 'spec', severity: 'warning', configurable: true,
        title: 'No specialist pathway',
        description: 'A PSO or PO programme (or one for a role that extends them) names no specialist pathway.',
        help: 'Add a line such as `pathway CourtWork` to the programme.'
    },
    'programme-without-role': {
        kind: 'spec', severity: 'warning', configurable: true,
        title: 'Programme without a role',
        description: 'A programme prepares no role, so its coverage cannot be checked.',
        help: 'Add a line such as `prepares PSO` to the programme.'
    },
    'module-covers-nothing': {
        kind: 'spec', severity: 'warning', configurable: true,
        title: 'Module covers nothing',
        description: 'A module with no `covers` line.',
        help: 'Add a `covers` line naming the standards the module teaches.'
    },
    'orphan-module': {
        kind: 'spec', severity: 'warning', configurable: true,
        title: 'Module in no programme',
        description: 'A module that no programme contains or includes.',
        help: 'Add the module to a programme with a line such as `includes ModuleName` (the quick fix offers one), or remove it.'
    },
    'non-positive-hours': {
        kind: 'spec', severity: 'error', configurable: true,
        title: 'Hours not above zero',
        description: '`hours` is 0 or less.',
        help: 'Give the module\'s hours as a number above zero.'
    },
    'repeated-clause': {
        kind: 'spec', severity: 'error', configurable: true,
        title: 'Clause given twice',
        description: 'A programme names two pathways or routes, or a module gives its hours twice.',
        help: 'Keep one of the clauses and remove the other.'
    },
    'repeated-reference': {
        kind: 'spec', severity: 'warning', configurable: true,
        title: 'Name listed twice',
        description: 'A name listed twice in one list (`prepares`, `includes`, `covers`, `extends`, `requires`, an area\'s `units`, a route\'s `qualifications`), on one line or across lines; on each repeat. It counts once.',
        help: 'Remove the repeat.'
    },
    'role-extends-cycle': {
        kind: 'spec', severity: 'error', configurable: true,
        title: 'Role extends itself',
        description: 'A role that extends itself, directly or through other roles.',
        help: 'Remove one of the `extends` links so that the roles no longer go round in a circle.'
    },
    'too-many-problems': {
        kind: 'spec', severity: 'information', configurable: true,
        title: 'Too many problems in one file',
        description: 'More than 1,000 problems in one file; the rest are summed up.',
        help: 'Correct the problems shown first; the rest are shown as they go below the limit.'
    }
};

const INPUT_HELP = 'Correct the path or file named, or leave it out of the command; TrainSpec exits with 2 until then.';

const INPUT_CODES: CodeList<InputProblemCode> = {
    'missing-path': { kind: 'input', severity: 'error', configurable: false, title: 'No such file or folder', description: 'A path given, or a symbolic link found, leads to nothing.', help: INPUT_HELP },
    'no-matching-files': { kind: 'input', severity: 'error', configurable: false, title: 'Pattern matches nothing', description: 'A glob matches no .tspec or .nos file.', help: INPUT_HELP },
    'unsupported-file': { kind: 'input', severity: 'error', configurable: false, title: 'Not a TrainSpec file', description: 'A file named on the command line is neither a .tspec nor a .nos file.', help: INPUT_HELP },
    'unreadable-file': { kind: 'input', severity: 'error', configurable: false, title: 'File cannot be read', description: 'A file or folder cannot be read (permission denied, an input/output error).', help: INPUT_HELP },
    'not-a-file': { kind: 'input', severity: 'error', configurable: false, title: 'Not a regular file', description: 'A named pipe, socket or device named like a spec, which TrainSpec does not read.', help: INPUT_HELP },
    'symlink-loop': { kind: 'input', severity: 'error', configurable: false, title: 'Symbolic link loop', description: 'A symbolic link that leads round in a loop.', help: INPUT_HELP },
    'file-too-large': { kind: 'input', severity: 'error', configurable: false, title: 'File too large', description: 'A file larger than the 16 MB TrainSpec reads from one file.', help: INPUT_HELP },
    'binary-file': { kind: 'input', severity: 'error', configurable: false, title: 'Binary file', description: 'A file that holds binary data rather than text.', help: INPUT_HELP },
    'invalid-utf8': { kind: 'input', severity: 'error', configurable: false, title: 'Not UTF-8 text', description: 'A file whose text is not valid UTF-8.', help: INPUT_HELP }
};

function listOf<C extends string>(codes: CodeList<C>): Array<DiagnosticCodeInfo<C>> {
    return (Object.keys(codes) as C[]).map(code => ({ code, ...codes[code] }));
}

/**
 * The one list of every code TrainSpec reports, in the order people read them. The README's
 * table, the configuration file's JSON Schema and the SARIF rules are all made from it.
 */
export const DIAGNOSTIC_CODES: ReadonlyArray<DiagnosticCodeInfo> = [...listOf(SPEC_CODES), ...listOf(INPUT_CODES)];

/** The codes whose severity a configuration file may set. */
export const CONFIGURABLE_CODES: readonly DiagnosticCode[] = listOf(SPEC_CODES).filter(info => info.configurable).map(info => info.code);

export function diagnosticCodeInfo(code: string): DiagnosticCodeInfo | undefined {
    return DIAGNOSTIC_CODES.find(info => info.code === code);
}

/**
 * Checks in this validation category depend on other documents as well as their own.
 * They are re-run for every document after each change, so their diagnostics stay current.
 */
export const WORKSPACE_CATEGORY = 'workspace';
