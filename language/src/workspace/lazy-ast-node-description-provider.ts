import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, type AstNode, type AstNodeDescription, type DocumentSegment, type LangiumDocument } from 'langium';

/**
 * Describes every exported declaration, as Langium's provider does, but works out its path and
 * its selection range only when something asks. Linking needs just the name and type, and
 * every declaration is exported (see GlobalScopeComputation): computing both for each of
 * 100,000 modules is a measurable share of a large check that nobody reads.
 */
export class LazyAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const documentUri = (document ?? AstUtils.getDocument(node)).uri;
        const resolvedName = name ?? this.nameProvider.getName(node);
        if (!resolvedName) {
            throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        }
        const locator = this.astNodeLocator;
        const nameProvider = this.nameProvider;
        let path: string | undefined;
        let nameSegment: DocumentSegment | undefined;
        let selectionSegment: DocumentSegment | undefined;
        return {
            node,
            name: resolvedName,
            type: node.$type,
            documentUri,
            get path() {
                return path ??= locator.getAstNodePath(node);
            },
            get nameSegment() {
                return nameSegment ??= CstUtils.toDocumentSegment(nameProvider.getNameNode(node) ?? node.$cstNode);
            },
            get selectionSegment() {
                return selectionSegment ??= CstUtils.toDocumentSegment(node.$cstNode);
            }
        };
    }
}
