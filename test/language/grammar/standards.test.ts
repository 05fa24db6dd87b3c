import { EmptyFileSystem } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { Catalogue } from '../../../language/src/generated/ast.js';
import { createTrainSpecServices } from '../../../language/src/trainspec-module.js';

// The built-in library exercises most of this grammar (see standards-library.test.ts); these are the shapes it does not show.
const parse = parseHelper<Catalogue>(createTrainSpecServices(EmptyFileSystem).standards);

describe('the standards catalogue grammar (.nos)', () => {
    test('reads items outside a framework, with optional details, lettered competences and a code', async () => {
        const document = await parse(`document Local "Local standards"
skill set LocalSkills "Local skills"
unit Induction "Complete the induction" in LocalSkills { code "LOC-1" source Local section "1" note "First" note "Second" }
competences Office "Office" {
    a "Know the office"
    b "Know the team"
}
role Senior "Senior" extends PO, CaseManager {
    requires pathway
    requires Office, Induction.a, LocalSkills
}`);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        const [, skillSet, unit, group, role] = document.parseResult.value.elements;
        expect(skillSet).toMatchObject({ $type: 'SkillSet', name: 'LocalSkills', title: 'Local skills', notes: [] });
        expect(unit).toMatchObject({ $type: 'Unit', code: 'LOC-1', section: '1', source: { $refText: 'Local' }, notes: ['First', 'Second'], skillSet: { $refText: 'LocalSkills' } });
        expect(group).toMatchObject({ $type: 'CompetenceGroup', competences: [{ name: 'a', text: 'Know the office' }, { name: 'b', text: 'Know the team' }] });
        expect(role).toMatchObject({
            $type: 'Role',
            extends: [{ $refText: 'PO' }, { $refText: 'CaseManager' }],
            requirements: [
                { pathway: true, items: [] },
                { pathway: false, items: [{ $refText: 'Office' }, { $refText: 'Induction.a' }, { $refText: 'LocalSkills' }] }
            ]
        });
    });
});
