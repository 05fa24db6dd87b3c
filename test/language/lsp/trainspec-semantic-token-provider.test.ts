import { expectSemanticToken, highlightHelper } from 'langium/test';
import { AllSemanticTokenModifiers } from 'langium/lsp';
import { SemanticTokenTypes } from 'vscode-languageserver';
import { beforeAll, describe, expect, test } from 'vitest';
import { TestWorkspace } from '../../support/test-workspace.js';

let workspace: TestWorkspace;

beforeAll(async () => {
    workspace = await TestWorkspace.create({ 'local.nos': 'role Mentor "Mentor" { requires RoSH }' });
});

function modifiers(mask: number): string[] {
    return Object.entries(AllSemanticTokenModifiers).filter(([, bit]) => (mask & bit) !== 0).map(([name]) => name);
}

describe('semantic highlighting', () => {
    test('of a spec: declarations and references by kind, library names marked, keywords left alone', async () => {
        const highlighted = await highlightHelper(workspace.services.spec)(`programme <|Court|> "Court" {
    prepares <|PO|>, <|Mentor|>
    pathway <|CourtWork|>
    route <|PoHonoursRoute|>
    includes <|Shared|>
    module <|Risk|> "Risk" {
        hours 30
        covers <|RoSH|>.<|a|>, <|AssessRiskOfHarm|>, <|PsoAssessRisk|>, <|RiskSkills|>
    }
}
module <|Shared|> "Shared" { covers <|Unknown|> }`);
        const expected: Array<[string, SemanticTokenTypes]> = [
            ['Court', SemanticTokenTypes.namespace],
            ['PO', SemanticTokenTypes.class],
            ['Mentor', SemanticTokenTypes.class],
            ['CourtWork', SemanticTokenTypes.enum],
            ['PoHonoursRoute', SemanticTokenTypes.interface],
            ['Shared', SemanticTokenTypes.function],
            ['Risk', SemanticTokenTypes.function],
            ['RoSH', SemanticTokenTypes.enum],
            ['a', SemanticTokenTypes.enumMember],
            ['AssessRiskOfHarm', SemanticTokenTypes.enumMember],
            ['PsoAssessRisk', SemanticTokenTypes.property],
            ['RiskSkills', SemanticTokenTypes.enum],
            ['Shared', SemanticTokenTypes.function]
        ];
        expected.forEach(([, tokenType], rangeIndex) => expectSemanticToken(highlighted, { rangeIndex, tokenType }));
        expect(highlighted.tokens.map(token => [token.text, token.tokenType, modifiers(token.tokenModifiers)])).toEqual([
            ['Court', 'namespace', ['declaration']],
            ['PO', 'class', ['defaultLibrary']],
            ['Mentor', 'class', []],
            ['CourtWork', 'enum', ['defaultLibrary']],
            ['PoHonoursRoute', 'interface', ['defaultLibrary']],
            ['Shared', 'function', []],
            ['Risk', 'function', ['declaration']],
            ['RoSH', 'enum', ['defaultLibrary']],
            ['a', 'enumMember', ['defaultLibrary']],
            ['AssessRiskOfHarm', 'enumMember', ['defaultLibrary']],
            ['PsoAssessRisk', 'property', ['defaultLibrary']],
            ['RiskSkills', 'enum', ['defaultLibrary']],
            ['Shared', 'function', ['declaration']]
            // The unresolved 'Unknown' gets no token.
        ]);
        expect(highlighted.ranges).toHaveLength(14);
    });

    test('of a catalogue: every kind of declaration', async () => {
        const highlighted = await highlightHelper(workspace.services.standards)(`document <|Handbook|> "Handbook"
framework <|Local|> "Local" {
    source <|Handbook|> section "1"
    skill set <|Listening|> "Listening"
    unit <|ActiveListening|> "Listen actively" in <|Listening|>
    competences <|Ethics|> "Ethics" { <|a|> "Act with integrity" }
    outcome <|Reflect|> "reflect"
    qualification <|Certificate|> "Certificate"
    route <|Path|> "Path" to <|PSO|> { qualifications <|Certificate|> }
    area <|Outreach|> "Outreach" { units <|ActiveListening|> }
    guidance <|Intro|> "Intro"
}
role <|Listener|> "Listener" extends <|Mentor|> { requires <|Ethics|>.<|a|>, <|Outreach|> }`);
        expect(highlighted.tokens.map(token => `${token.text}:${token.tokenType}:${modifiers(token.tokenModifiers).join('+')}`)).toEqual([
            'Handbook:type:declaration', 'Local:namespace:declaration', 'Handbook:type:',
            'Listening:enum:declaration', 'ActiveListening:enumMember:declaration', 'Listening:enum:',
            'Ethics:enum:declaration', 'a:enumMember:declaration', 'Reflect:property:declaration', 'Certificate:struct:declaration',
            'Path:interface:declaration', 'PSO:class:defaultLibrary', 'Certificate:struct:',
            'Outreach:enum:declaration', 'ActiveListening:enumMember:', 'Intro:variable:declaration',
            'Listener:class:declaration', 'Mentor:class:', 'Ethics:enum:', 'a:enumMember:', 'Outreach:enum:'
        ]);
        highlighted.ranges.forEach((_, rangeIndex) => expectSemanticToken(highlighted, { rangeIndex, tokenType: highlighted.tokens[rangeIndex].tokenType }));
    });
});
