import { describe, expect, test } from 'vitest';
import { groupFiles, mergeGroups } from '../../../cli/src/batch/file-groups.js';
import { scanNames } from '../../../cli/src/batch/name-scan.js';

/** The groups of files (by name) that the scan and grouping make of a workspace. */
function groupsOf(files: Record<string, string>): string[][] {
    const names = Object.keys(files);
    return groupFiles(names.map(name => scanNames(name, files[name]))).map(group => group.map(file => names[file]));
}

describe('scanNames', () => {
    test('finds what a spec declares and every name it mentions, qualified names with their prefixes', () => {
        const scan = scanNames('a.tspec', `// programme Commented "not a declaration"
programme Intro "Introduction, module Fake" {
    prepares PSO
    includes Shared
    module Own "Own module" { hours 10 covers RoSH.a, AssessRiskOfHarm }
}`);
        expect(scan.declared).toEqual([['Intro', 'Programme'], ['Own', 'Module']]);
        expect(scan.mentions).toEqual(expect.arrayContaining(['PSO', 'Shared', 'RoSH', 'RoSH.a', 'AssessRiskOfHarm']));
        expect(scan.mentions).not.toContain('Commented');
        expect(scan.mentions).not.toContain('Fake');
        expect(scan.mentions).not.toContain('a');
    });

    test('knows every declaring keyword of a catalogue, and only those words exactly', () => {
        const keywords = {
            document: 'SourceDocument', framework: 'Framework', set: 'SkillSet', unit: 'Unit', area: 'Area', outcome: 'Outcome',
            qualification: 'Qualification', route: 'Route', role: 'Role', guidance: 'Guidance'
        };
        const text = Object.keys(keywords).map((keyword, index) => `${keyword} Name${index} "Title"`).join('\n');
        expect(scanNames('k.nos', `${text}\nUnit NotDeclared units NorThis sets NorThat unitx NorTheOther`).declared)
            .toEqual(Object.values(keywords).map((type, index) => [`Name${index}`, type]));
        // The same words declare nothing in a spec, whose keywords are `programme` and `module`.
        expect(scanNames('k.tspec', text).declared).toEqual([]);
    });

    test('declares the lettered competences of a catalogue by their qualified names', () => {
        const scan = scanNames('c.nos', `competences Local "Local competences" {
    text "What they are" source Doc
    a "First"
    b "Second"
}
role Mentor "Mentor" extends PSO { requires Local.a }`);
        expect(scan.declared).toEqual([['Local', 'CompetenceGroup'], ['Local.a', 'Competence'], ['Local.b', 'Competence'], ['Mentor', 'Role']]);
    });
});

describe('groupFiles', () => {
    test('one group per connected component: includes, roles from a workspace catalogue, and duplicate names', () => {
        const groups = groupsOf({
            'a.tspec': 'programme A "A" { prepares PSO includes Shared }',
            'b.tspec': 'module Shared "Shared" { covers RoSH.a }',
            'c.tspec': 'programme C "C" { prepares PSO module COwn "C" { covers RoSH.a } }',
            'd.nos': 'role Mentor "Mentor" extends PSO { requires RoSH.a }',
            'e.tspec': 'programme E "E" { prepares Mentor }',
            'f.tspec': 'module Twice "One" { covers RoSH.a }',
            'g.tspec': 'module Twice "Two" { covers RoSH.a }',
            'h.tspec': 'programme H "H" { prepares PSO includes Missing }'
        });
        expect(groups).toEqual([['a.tspec', 'b.tspec'], ['c.tspec'], ['d.nos', 'e.tspec'], ['f.tspec', 'g.tspec'], ['h.tspec']]);
    });

    test('a chain joins every file on it into one group', () => {
        const groups = groupsOf({
            'p.tspec': 'programme P "P" { includes M1 }',
            'm1.tspec': 'module M1 "M1" { covers RoSH.a } programme Q "Q" { includes M2 }',
            'm2.tspec': 'module M2 "M2" { covers RoSH.a }',
            'other.tspec': 'module Alone "Alone" { covers RoSH.a }'
        });
        expect(groups).toEqual([['p.tspec', 'm1.tspec', 'm2.tspec'], ['other.tspec']]);
    });

    test('mergeGroups joins groups and keeps files and groups in order', () => {
        expect(mergeGroups([[0, 3], [1], [2, 4], [5]], [[2, 0], [3, 1]])).toEqual([[0, 2, 3, 4], [1, 5]]);
    });
});
