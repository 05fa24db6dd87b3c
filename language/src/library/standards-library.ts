import { URI, type LangiumDocument, type LangiumDocumentFactory } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import pqfLeaflet from './pqf-leaflet.nos';
import roles from './roles.nos';
import s10Guidelines from './s10-guidelines.nos';
import { BUILTIN_SCHEME } from '../protocol/constants.js';

export { BUILTIN_SCHEME };

/**
 * The built-in probation standards: the s10 guidelines (core skill sets, core competences,
 * NOS Annex A), the PQF leaflet and the roles built on them. They load read-only into
 * every workspace, in the editor and on the command line.
 */
export interface StandardsLibrary {
    /** One fresh document per built-in catalogue. */
    createDocuments(): LangiumDocument[];
    isBuiltin(uri: URI | string): boolean;
}

const CATALOGUES: Record<string, string> = {
    's10-guidelines.nos': s10Guidelines,
    'pqf-leaflet.nos': pqfLeaflet,
    'roles.nos': roles
};

export class DefaultStandardsLibrary implements StandardsLibrary {
    protected readonly documentFactory: LangiumDocumentFactory;

    constructor(services: LangiumSharedServices) {
        this.documentFactory = services.workspace.LangiumDocumentFactory;
    }

    createDocuments(): LangiumDocument[] {
        return Object.entries(CATALOGUES).map(([name, text]) =>
            this.documentFactory.fromString(text, URI.from({ scheme: BUILTIN_SCHEME, path: `/${name}` })));
    }

    isBuiltin(uri: URI | string): boolean {
        return (typeof uri === 'string' ? URI.parse(uri) : uri).scheme === BUILTIN_SCHEME;
    }
}
