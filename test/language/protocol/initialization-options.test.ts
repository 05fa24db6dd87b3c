import { describe, expect, test } from 'vitest';
import { clientFeaturesOf, DEFAULT_CLIENT_FEATURES } from '../../../language/src/protocol/initialization-options.js';

describe('what a client supports, as the server reads it at initialize', () => {
    test('a client that fetches documents (VS Code) gets the library under builtin:; any other gets files', () => {
        expect(clientFeaturesOf({ capabilities: { workspace: { textDocumentContent: { dynamicRegistration: true } } } }).library).toBe('builtin');
        expect(clientFeaturesOf({ capabilities: {} }).library).toBe('files');
        expect(clientFeaturesOf({ capabilities: { workspace: {} } }).library).toBe('files');
    });

    test('initializationOptions choose the library\'s delivery either way', () => {
        expect(clientFeaturesOf({ capabilities: {}, initializationOptions: { library: 'builtin' } }).library).toBe('builtin');
        expect(clientFeaturesOf({ capabilities: { workspace: { textDocumentContent: {} } }, initializationOptions: { library: 'files' } }).library).toBe('files');
    });

    test('only a client that says so shows the coverage view, and only one that declares it opens documents', () => {
        expect(clientFeaturesOf({ capabilities: {} })).toMatchObject({ coverageView: false, showDocument: false });
        expect(clientFeaturesOf({ capabilities: { window: { showDocument: { support: true } } }, initializationOptions: { coverageView: true } }))
            .toMatchObject({ coverageView: true, showDocument: true });
    });

    test('only a client that declares refreshSupport is asked for code lenses again', () => {
        expect(clientFeaturesOf({ capabilities: {} }).codeLensRefresh).toBe(false);
        expect(clientFeaturesOf({ capabilities: { workspace: { codeLens: { refreshSupport: true } } } }).codeLensRefresh).toBe(true);
    });

    test('options of the wrong type, or none at all, are ignored rather than fatal', () => {
        for (const initializationOptions of [null, 'files', 42, [], { library: 'disk', coverageView: 'yes' }]) {
            expect(clientFeaturesOf({ capabilities: {}, initializationOptions })).toEqual({ library: 'files', coverageView: false, showDocument: false, codeLensRefresh: false });
        }
    });

    test('without an initialize (the CLI, tests of the services), VS Code\'s features are assumed', () => {
        expect(DEFAULT_CLIENT_FEATURES).toEqual({ library: 'builtin', coverageView: true, showDocument: false, codeLensRefresh: false });
    });
});
