import type { CoverageMatrix, MatrixRequirement } from '../../language/src/protocol/coverage-matrix.js';

/** A location in `uri` on `line`. */
export function at(uri: string, line: number, character = 0) {
    return { uri, range: { start: { line, character }, end: { line, character: character + 4 } } };
}

function requirement(id: string, coveredBy: string[], extra: Partial<MatrixRequirement> = {}): MatrixRequirement {
    return { id, kind: 'unit', title: `Title of ${id}`, text: `Full text of ${id}.`, source: { document: 'Guidelines', section: '3.1' }, location: at('builtin:/s10-guidelines.nos', 10), coveredBy, ...extra };
}

/**
 * A PO programme on the Court Work pathway: two modules, five requirements in three groups
 * (two of them required by PO through PSO), two gaps.
 */
export function courtWorkMatrix(): CoverageMatrix {
    return {
        programme: { name: 'CourtWorkPo', title: 'PO Court Work', location: at('file:///ws/programme.tspec', 2, 10) },
        roles: ['PO'],
        pathway: 'CourtWork',
        modules: [
            { name: 'Risk', title: 'Risk and public protection', hours: 30, location: at('file:///ws/programme.tspec', 8, 11) },
            { name: 'Reports', title: 'Pre-sentence reports', location: at('file:///ws/modules/reports.tspec', 1, 7) }
        ],
        groups: [
            {
                requiredBy: 'Probation Officer (through Probation Services Officer)', origin: { kind: 'role', id: 'PO', via: ['PO', 'PSO'] }, source: 'Guidelines, section 3.1',
                requirements: [requirement('RoSH.a', ['Risk']), requirement('RoSH.b', [])]
            },
            {
                requiredBy: 'the Court Work pathway', origin: { kind: 'pathway', id: 'CourtWork' }, source: 'Guidelines, Annex A',
                requirements: [requirement('DevelopSentencingProposals', ['Risk', 'Reports'])]
            },
            {
                requiredBy: 'Probation Officer (through Probation Services Officer)', origin: { kind: 'role', id: 'PO', via: ['PO', 'PSO'] }, source: 'PQF leaflet',
                requirements: [requirement('PsoDevelopSelf', [], { location: undefined }), requirement('OwnDevelopment', ['Reports'])]
            }
        ],
        summary: { covered: 3, total: 5 }
    };
}
