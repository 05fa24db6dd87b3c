import { describe, expect, test } from 'vitest';
import {
    declarationPhrase, itemText, itemTitle, nameOf, sentenceSubject, shownName, titleOf
} from '../../../language/src/catalogue/item-descriptions.js';
import { isCompetenceGroup, isModule, isProgramme, isUnit, type Catalogue, type Spec } from '../../../language/src/generated/ast.js';
import { TestWorkspace } from '../../support/test-workspace.js';

// Parser recovery leaves out what has not been typed yet; the generated types call it required all the same.
const CATALOGUE = `unit Broken in RiskSkills
unit Whole "Whole unit" in RiskSkills
competences "Still typing" { a "First" }
competences Ethics { b "Second" }`;
const SPEC = `module "Only a title" { covers Whole }
module { covers Whole }
module Named "Named" { covers Whole }
programme { prepares PO }`;

async function halfTyped(): Promise<{ catalogue: Catalogue; spec: Spec }> {
    const workspace = await TestWorkspace.create({ 'typing.nos': CATALOGUE, 'typing.tspec': SPEC });
    return {
        catalogue: workspace.document('typing.nos').parseResult.value as Catalogue,
        spec: workspace.document('typing.tspec').parseResult.value as Spec
    };
}

describe('what a person reads of a half-typed declaration', () => {
    test('names and titles are missing rather than undefined strings', async () => {
        const { catalogue, spec } = await halfTyped();
        const [broken, whole] = catalogue.elements.filter(isUnit);
        expect([nameOf(broken), titleOf(broken), nameOf(whole), titleOf(whole)]).toEqual(['Broken', undefined, 'Whole', 'Whole unit']);
        const modules = spec.elements.filter(isModule);
        expect(modules.map(module => [nameOf(module), titleOf(module)])).toEqual([[undefined, 'Only a title'], [undefined, undefined], ['Named', 'Named']]);
    });

    test('lists, sentences and quick fixes name them as far as they are typed', async () => {
        const { spec } = await halfTyped();
        const [titled, bare, named] = spec.elements.filter(isModule);
        const programme = spec.elements.find(isProgramme)!;
        expect([titled, bare, named].map(shownName)).toEqual(['(unnamed module)', '(unnamed module)', 'Named']);
        expect([titled, bare, named, programme].map(sentenceSubject)).toEqual([`Module 'Only a title'`, 'This module', `Module 'Named'`, 'This programme']);
        expect([titled, bare, named].map(declarationPhrase)).toEqual(['the module "Only a title"', 'the unnamed module', 'module Named']);
    });

    test('an item without a title has an empty title and text; a competence of a group without a title has its letter', async () => {
        const { catalogue } = await halfTyped();
        const broken = catalogue.elements.filter(isUnit)[0];
        expect([itemTitle(broken), itemText(broken)]).toEqual(['', '']);
        const [unnamedGroup, untitledGroup] = catalogue.elements.filter(isCompetenceGroup);
        expect(unnamedGroup.competences.map(itemTitle)).toEqual(['Still typing (a)']);
        expect(untitledGroup.competences.map(itemTitle)).toEqual(['(b)']);
    });
});
