import { CancellationTokenSource } from 'vscode-languageserver';
import { isOperationCancelled, type ValidationAcceptor } from 'langium';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Module, Spec, TrainSpecAstType } from '../../../language/src/generated/ast.js';
import { TrainSpecValidationRegistry } from '../../../language/src/validation/trainspec-validation-registry.js';
import { TestWorkspace } from '../../support/test-workspace.js';

const SPEC = 'module Core "Core" {\n    hours 10\n}\nmodule Extra "Extra" {\n    hours 5\n}\n';

async function workspaceWith(checks: Array<(module: Module, accept: ValidationAcceptor) => void | Promise<void>>): Promise<TestWorkspace> {
    const workspace = await TestWorkspace.create({});
    workspace.services.spec.validation.ValidationRegistry.register({ Module: checks });
    await workspace.write('spec.tspec', SPEC);
    return workspace;
}

describe('checks without a promise per node', () => {
    afterEach(() => {
        vi.restoreAllMocks();
    });

    test('a synchronous check costs no promise; an asynchronous one is awaited', async () => {
        const workspace = await workspaceWith([
            (module, accept) => accept('warning', `sync ${module.name}`, { node: module, property: 'name' }),
            async (module, accept) => {
                await new Promise(resolve => setTimeout(resolve, 1));
                accept('warning', `async ${module.name}`, { node: module, property: 'name' });
            }
        ]);
        const messages = workspace.messages('spec.tspec');
        expect(messages.filter(message => message.startsWith('sync '))).toEqual(['sync Core', 'sync Extra']);
        expect(messages.filter(message => message.startsWith('async '))).toEqual(['async Core', 'async Extra']);
        const registry = workspace.services.spec.validation.ValidationRegistry as TrainSpecValidationRegistry;
        const [synchronous] = registry.checksOf('Module').slice(-2);
        const module = (workspace.document('spec.tspec').parseResult.value as Spec).elements[0];
        expect(synchronous(module, () => undefined, new CancellationTokenSource().token)).toBeUndefined();
    });

    test('a check that fails, at once or later, is one error on its node, as Langium reports it, and the other checks still run', async () => {
        vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const workspace = await workspaceWith([
            module => {
                if (module.name === 'Core') {
                    throw new Error('sync failure');
                }
            },
            async module => {
                await Promise.resolve();
                if (module.name === 'Extra') {
                    throw new Error('async failure');
                }
            },
            (module, accept) => accept('warning', `ran on ${module.name}`, { node: module, property: 'name' })
        ]);
        const messages = workspace.messages('spec.tspec');
        expect(messages).toContain('An error occurred during validation: sync failure');
        expect(messages).toContain('An error occurred during validation: async failure');
        expect(messages.filter(message => message.startsWith('ran on '))).toEqual(['ran on Core', 'ran on Extra']);
    });

    test('the checks of a type are listed once, and again when a check is added', async () => {
        const workspace = await TestWorkspace.create({});
        const registry = workspace.services.spec.validation.ValidationRegistry as TrainSpecValidationRegistry;
        const listed = registry.checksOf('Module');
        expect(registry.checksOf('Module')).toBe(listed);
        registry.register<TrainSpecAstType>({ Module: () => undefined });
        expect(registry.checksOf('Module')).toHaveLength(listed.length + 1);
    });

    test('a cancelled validation stops', async () => {
        const workspace = await workspaceWith([]);
        const source = new CancellationTokenSource();
        source.cancel();
        const validation = workspace.services.spec.validation.DocumentValidator.validateDocument(workspace.document('spec.tspec'), {}, source.token);
        await expect(validation).rejects.toSatisfy(isOperationCancelled);
    });
});
