import type { AstNode, AstNodeDescription } from 'langium';
import { DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

/** Symbol and completion kinds by declaration type, shared by the outline, workspace symbols and completion. */
const KINDS: Record<string, [SymbolKind, CompletionItemKind]> = {
    Programme: [SymbolKind.Namespace, CompletionItemKind.Module],
    Module: [SymbolKind.Module, CompletionItemKind.Module],
    Role: [SymbolKind.Class, CompletionItemKind.Class],
    SkillSet: [SymbolKind.Enum, CompletionItemKind.Enum],
    CompetenceGroup: [SymbolKind.Enum, CompletionItemKind.Enum],
    Unit: [SymbolKind.EnumMember, CompletionItemKind.EnumMember],
    Competence: [SymbolKind.EnumMember, CompletionItemKind.EnumMember],
    Outcome: [SymbolKind.Property, CompletionItemKind.Property],
    Area: [SymbolKind.Struct, CompletionItemKind.Struct],
    Qualification: [SymbolKind.Object, CompletionItemKind.Value],
    Route: [SymbolKind.Interface, CompletionItemKind.Interface],
    Guidance: [SymbolKind.String, CompletionItemKind.Text],
    Framework: [SymbolKind.Package, CompletionItemKind.Folder],
    SourceDocument: [SymbolKind.File, CompletionItemKind.File]
};

export class TrainSpecNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return KINDS[typeOf(node)]?.[0] ?? super.getSymbolKind(node);
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return KINDS[typeOf(node)]?.[1] ?? super.getCompletionItemKind(node);
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
