import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AstUtils } from 'langium';
import { MarkupContent, type Range } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { programmesIn } from '../../../language/src/coverage/coverage-analysis.js';
import { isSkillSet, type Programme } from '../../../language/src/generated/ast.js';
import { escapeMarkdown } from '../../../language/src/lsp/item-markdown.js';
import { DiagnosticCode } from '../../../language/src/validation/diagnostic-codes.js';
import { createSyntheticWorkspace } from '../../benchmark/synthetic-workspace.js';
import { REPO_ROOT } from '../../support/run-cli.js';
import { TestWorkspace } from '../../support/test-workspace.js';

/**
 * Hover's "required by" and "covered by", the code lenses, the coverage matrix and the
 * diagnostics of every programme tell the same story. Each is read through its own
 * feature (diagnostics, lenses, the matrix request's builder, hover at each `covers`
 * reference) and held against the others, never against the model they share.
 */

interface MatrixEntry {
    requiredBy: Set<string>;
    coveredBy: string[];
}

/** What the coverage view shows: each requirement's id, with what requires it and the modules that cover it. */
function matrixEntries(workspace: TestWorkspace, programme: Programme): Map<string, MatrixEntry> {
    const matrix = workspace.services.spec.authoring.CoverageMatrixBuilder.matrixOf(programme);
    const entries = new Map<string, MatrixEntry>();
    for (const group of matrix.groups) {
        for (const requirement of group.requirements) {
            const entry = entries.get(requirement.id) ?? { requiredBy: new Set(), coveredBy: requirement.coveredBy };
            entry.requiredBy.add(group.requiredBy);
            expect(entry.coveredBy).toEqual(requirement.coveredBy);
            entries.set(requirement.id, entry);
        }
    }
    const covered = [...entries.values()].filter(entry => entry.coveredBy.length > 0).length;
    expect(matrix.summary).toEqual({ covered, total: entries.size });
    return entries;
}

function inside(range: Range, outer: Range): boolean {
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, range.start) && before(range.end, outer.end);
}

/** Checks one programme; returns how many hovers were compared. */
async function expectAgreement(workspace: TestWorkspace, path: string, programme: Programme): Promise<number> {
    const entries = matrixEntries(workspace, programme);
    const gaps = [...entries].filter(([, entry]) => entry.coveredBy.length === 0).map(([id]) => id);

    // Diagnostics: one gap per requirement that the matrix shows uncovered, and no other.
    const programmeRange = programme.$cstNode!.range;
    const diagnosed = workspace.diagnostics(path, DiagnosticCode.UncoveredRequirement)
        .filter(diagnostic => inside(diagnostic.range, programmeRange))
        .map(diagnostic => (diagnostic.data as { item: string }).item);
    expect(diagnosed.sort()).toEqual([...gaps].sort());

    // Code lenses: each role's and the pathway's count is the matrix's count of what they require.
    const document = workspace.document(path);
    const lenses = (await workspace.services.spec.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } }) ?? [])
        .filter(lens => lens.command?.arguments?.[1] === programme.name);
    for (const lens of lenses) {
        const [, subject, covered, total] = /^(.*): (\d+) of (\d+) (?:requirement|unit)s? covered$/.exec(lens.command!.title)!;
        const counted = [...entries.values()].filter(entry => [...entry.requiredBy].some(label =>
            label === subject || label.startsWith(`${subject} (through `) || label === `the ${subject}`));
        expect([Number(covered), Number(total)], lens.command!.title).toEqual([counted.filter(entry => entry.coveredBy.length > 0).length, counted.length]);
    }
    expect(lenses.length).toBe(new Set(programme.roles.map(ref => ref.ref).filter(role => role)).size + (programme.pathway?.ref ? 1 : 0));

    // Hover at every `covers` reference of the programme's modules: what requires the item there and which modules cover it.
    let hovers = 0;
    const heading = `**In ${escapeMarkdown(programme.title)}:** `;
    for (const module of workspace.services.shared.coverage.CoverageAnalysis.ofProgramme(programme).modules) {
        const moduleDocument = AstUtils.getDocument(module);
        for (const reference of module.covers.filter(ref => ref.ref && ref.$refNode)) {
            const hover = await workspace.services.spec.lsp.HoverProvider!.getHoverContent(moduleDocument, {
                textDocument: { uri: moduleDocument.uri.toString() },
                position: moduleDocument.textDocument.positionAt(reference.$refNode!.offset)
            });
            const paragraph = (MarkupContent.is(hover?.contents) ? hover.contents.value : '').split('\n\n').find(line => line.startsWith(heading));
            const context = `${reference.$refText} in ${module.name}, programme ${programme.name}: ${paragraph}`;
            expect(paragraph, context).toBeDefined();
            const [requiredBy, coveredBy] = [paragraph!.slice(heading.length, paragraph!.lastIndexOf('; ')), paragraph!.slice(paragraph!.lastIndexOf('; ') + 2)];
            const links = [...coveredBy.matchAll(/\[([^\]]+)\]\(/g)].map(match => match[1].replace(/\\(.)/g, '$1'));
            const entry = entries.get(workspace.nameOf(reference.ref!));
            if (entry) {
                for (const label of entry.requiredBy) {
                    expect(requiredBy, context).toContain(escapeMarkdown(label));
                }
                expect(links.sort(), context).toEqual([...entry.coveredBy].sort());
                expect(coveredBy === 'no module covers it yet', context).toBe(entry.coveredBy.length === 0);
            } else {
                // Not a requirement itself: either nothing requires it, or it is a unit that meets its skill set's requirement.
                expect(requiredBy.startsWith('required by'), context).toBe(false);
                // Listing a skill set itself meets nothing (the skill-set rule); listing anything else covers it.
                expect(links.includes(module.name), context).toBe(!isSkillSet(reference.ref));
            }
            hovers++;
        }
    }
    return hovers;
}

async function expectAgreementEverywhere(workspace: TestWorkspace, paths: string[]): Promise<{ programmes: number; hovers: number }> {
    let programmes = 0;
    let hovers = 0;
    for (const path of paths.filter(each => each.endsWith('.tspec'))) {
        for (const programme of programmesIn(workspace.document(path))) {
            hovers += await expectAgreement(workspace, path, programme);
            programmes++;
        }
    }
    return { programmes, hovers };
}

function filesUnder(folder: string): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (current: string): void => {
        for (const name of readdirSync(current)) {
            const path = join(current, name);
            if (statSync(path).isDirectory()) {
                walk(path);
            } else if (/\.(tspec|nos)$/.test(name)) {
                files[relative(folder, path)] = readFileSync(path, 'utf8');
            }
        }
    };
    walk(folder);
    return files;
}

/** A small deterministic random number generator, so that a failure can be reproduced. */
function seeded(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state / 2147483648;
    };
}

/**
 * The synthetic workspace with gaps: each `covers` item is dropped with some probability,
 * and some units are replaced by their skill set, which meets nothing by the skill-set rule.
 */
function withGaps(files: Record<string, string>, seed: number): Record<string, string> {
    const random = seeded(seed);
    const skillSetOf: Record<string, string> = { AssessRiskOfHarm: 'RiskSkills', TeamWorking: 'TacticalSkills', PromoteEqualityAndDiversity: 'DiversitySkills' };
    return Object.fromEntries(Object.entries(files).map(([path, text]) => [path, text.replace(/covers ([^\n]+)/g, (_, list: string) => {
        const kept = list.split(', ').filter(() => random() > 0.25).map(item => (skillSetOf[item] && random() < 0.5 ? skillSetOf[item] : item));
        return `covers ${(kept.length > 0 ? kept : list.split(', ').slice(0, 1)).join(', ')}`;
    })]));
}

describe('hover, code lenses, the coverage matrix and the diagnostics agree', () => {
    const examples = readdirSync(join(REPO_ROOT, 'examples')).filter(name => statSync(join(REPO_ROOT, 'examples', name)).isDirectory());

    test.each(examples)('on the example %s', async example => {
        const files = filesUnder(join(REPO_ROOT, 'examples', example));
        const workspace = await TestWorkspace.create(files);
        const { programmes, hovers } = await expectAgreementEverywhere(workspace, Object.keys(files));
        expect(programmes).toBeGreaterThan(0);
        expect(hovers).toBeGreaterThan(0);
    });

    test('on a generated workspace without gaps', async () => {
        const { files } = createSyntheticWorkspace(16);
        const workspace = await TestWorkspace.create(files);
        const { programmes } = await expectAgreementEverywhere(workspace, Object.keys(files));
        expect(programmes).toBe(12);
        expect(Object.keys(files).flatMap(path => workspace.diagnostics(path, DiagnosticCode.UncoveredRequirement))).toEqual([]);
    });

    test.each([1, 2, 3])('on a generated workspace with gaps and skill sets covered by name (seed %i)', async seed => {
        const { files } = createSyntheticWorkspace(24);
        const broken = withGaps(files, seed);
        const workspace = await TestWorkspace.create(broken);
        const { programmes, hovers } = await expectAgreementEverywhere(workspace, Object.keys(broken));
        expect(programmes).toBe(18);
        expect(hovers).toBeGreaterThan(500);
        // The generated gaps are there to be agreed on, skill-set gaps among them.
        const gaps = Object.keys(broken).flatMap(path => workspace.diagnostics(path, DiagnosticCode.UncoveredRequirement));
        expect(gaps.length).toBeGreaterThan(50);
        expect(Object.keys(broken).flatMap(path => workspace.diagnostics(path, DiagnosticCode.SkillSetCovered)).length).toBeGreaterThan(0);
    });
});
