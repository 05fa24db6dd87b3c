import type { LangiumDocument } from 'langium';
import { LSPErrorCodes, ResponseError, type Position, type Range } from 'vscode-languageserver';
import type { TrainSpecServices } from '../../language/src/trainspec-module.js';

/** What one provider did wrong on one document: where, and what it threw or said. */
export interface ProviderFailure {
    provider: string;
    offset?: number;
    error: string;
}

const FORMATTING = { tabSize: 4, insertSpaces: true };

/** A missing name or title that reached text a person reads: a hover, a completion detail, a quick fix's title or edit. */
const SAYS_UNDEFINED = /\bundefined\b/;

/**
 * Runs every language feature the server offers over one document, the coverage view's
 * matrix included: the document-wide ones once, and the position-based ones at each of the
 * given offsets. Returns what threw, and every answer whose text says 'undefined' (unless
 * the document itself does); it never throws itself, so a property test can report the
 * first failing input whole.
 */
export async function exerciseEveryProvider(services: TrainSpecServices, document: LangiumDocument, offsets: number[]): Promise<ProviderFailure[]> {
    const failures: ProviderFailure[] = [];
    const textDocument = { uri: document.uri.toString() };
    const lsp = services.lsp;
    const checkAnswers = !SAYS_UNDEFINED.test(document.textDocument.getText());
    const attempt = async (provider: string, run: () => unknown, offset?: number): Promise<unknown> => {
        try {
            const answer = await run();
            // JSON leaves out undefined values, so 'undefined' in it was written into some text.
            const json = checkAnswers && answer !== undefined ? JSON.stringify(answer) : undefined;
            const at = json?.search(SAYS_UNDEFINED) ?? -1;
            if (json && at >= 0) {
                failures.push({ provider, offset, error: `answered with text that says 'undefined': …${json.slice(Math.max(0, at - 120), at + 40)}…` });
            }
            return answer;
        } catch (error) {
            if (error instanceof ResponseError && error.code === LSPErrorCodes.RequestFailed && !/undefined/.test(error.message)) {
                // A refusal the user reads, such as renaming a built-in standard: an answer, not a failure.
                return undefined;
            }
            failures.push({ provider, offset, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
            return undefined;
        }
    };
    const whole: Range = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(document.textDocument.getText().length) };

    await attempt('document symbols', () => lsp.DocumentSymbolProvider?.getSymbols(document, { textDocument }));
    await attempt('folding ranges', () => lsp.FoldingRangeProvider?.getFoldingRanges(document, { textDocument }));
    await attempt('semantic tokens', () => lsp.SemanticTokenProvider?.semanticHighlight(document, { textDocument }));
    await attempt('semantic tokens (range)', () => lsp.SemanticTokenProvider?.semanticHighlightRange(document, { textDocument, range: whole }));
    await attempt('code lenses', () => lsp.CodeLensProvider?.provideCodeLens(document, { textDocument }));
    await attempt('formatting', () => lsp.Formatter?.formatDocument(document, { textDocument, options: FORMATTING }));
    await attempt('range formatting', () => lsp.Formatter?.formatDocumentRange(document, { textDocument, range: whole, options: FORMATTING }));
    await attempt('workspace symbols', () => services.shared.lsp.WorkspaceSymbolProvider?.getSymbols({ query: '' }));
    await attempt('coverage matrix', () => services.authoring.CoverageMatrixBuilder.matricesOf(document));
    for (const diagnostic of document.diagnostics ?? []) {
        await attempt('quick fixes', () => lsp.CodeActionProvider?.getCodeActions(document, { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } }));
    }

    for (const offset of offsets) {
        const position: Position = document.textDocument.positionAt(offset);
        const at = { textDocument, position };
        await attempt('hover', () => lsp.HoverProvider?.getHoverContent(document, at), offset);
        await attempt('completion', () => lsp.CompletionProvider?.getCompletion(document, at), offset);
        await attempt('definition', () => lsp.DefinitionProvider?.getDefinition(document, at), offset);
        await attempt('references', () => lsp.ReferencesProvider?.findReferences(document, { ...at, context: { includeDeclaration: true } }), offset);
        await attempt('document highlight', () => lsp.DocumentHighlightProvider?.getDocumentHighlight(document, at), offset);
        await attempt('prepare rename', () => lsp.RenameProvider?.prepareRename(document, at), offset);
        await attempt('rename', () => lsp.RenameProvider?.rename(document, { ...at, newName: 'Renamed' }), offset);
        await attempt('code actions', () => lsp.CodeActionProvider?.getCodeActions(document, { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }), offset);
    }
    return failures;
}
