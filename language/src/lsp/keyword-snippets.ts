/**
 * The snippets that a keyword completion offers first: typing `programme` and pressing Tab
 * writes a whole programme. They are served by the language server (not contributed by the
 * VS Code extension), so that they rank above the bare keyword in every editor, and come last
 * in none. Each ends in `covers $0`: the snippet is finished there, and completion in the
 * `covers` list offers the standards (a placeholder would keep the snippet's own suggestions).
 */
export interface KeywordSnippet {
    /** What the completion list shows next to the keyword. */
    detail: string;
    documentation: string;
    /** LSP snippet syntax: `${1:placeholder}`, `${2|choice,choice|}`, `$0`. */
    body: string;
}

const ASSESSMENT = '${|observation,portfolio,"written assignment","professional discussion",examination|}';

function numbered(body: string): string {
    let next = 0;
    return body.replace(/\$\{(?=[:|])/g, () => `\${${++next}`);
}

export const KEYWORD_SNIPPETS: Readonly<Record<string, KeywordSnippet>> = {
    programme: {
        detail: 'New programme',
        documentation: 'A new programme: the role it prepares for, its pathway and a first module.',
        body: numbered([
            'programme ${:ProgrammeName} "${:Programme title}" {',
            '\tprepares ${|PSO,PO,CaseManager,HighRiskCaseManager|}',
            '\tpathway ${|OffenderManagement,CommunityPayback,ApprovedPremises,CourtWork,Programmes,Victims,CommunitySafety,PrisonWork,RestorativeJustice|}',
            '',
            '\tmodule ${:ModuleName} "${:Module title}" {',
            '\t\thours ${:30}',
            `\t\tassessed by ${ASSESSMENT}`,
            '\t\tcovers $0',
            '\t}',
            '}'
        ].join('\n'))
    },
    module: {
        detail: 'New module',
        documentation: 'A new module: its hours, how it is assessed and the standards it covers.',
        body: numbered([
            'module ${:ModuleName} "${:Module title}" {',
            '\thours ${:30}',
            `\tassessed by ${ASSESSMENT}`,
            '\tcovers $0',
            '}'
        ].join('\n'))
    }
};
