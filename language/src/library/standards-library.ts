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
    /** Whether a file with this text is a built-in catalogue itself (see isCopyOfBuiltinCatalogue). */
    isCopy(text: string): boolean;
}

const CATALOGUES: Record<string, string> = {
    's10-guidelines.nos': s10Guidelines,
    'pqf-leaflet.nos': pqfLeaflet,
    'roles.nos': roles
};

/** The catalogues' texts as a file on disk may hold them: without a byte-order mark, with \n line endings. */
const CATALOGUE_TEXTS = new Set(Object.values(CATALOGUES).map(normaliseText));

/** No text shorter than the shortest catalogue can be one, however normalised: most specs are spared the normalising. */
const SHORTEST_CATALOGUE = Math.min(...[...CATALOGUE_TEXTS].map(text => text.length));

/**
 * Whether `text` is one of the built-in catalogues itself: the library's own source (as in
 * TrainSpec's repository, under language/src/library/) or a copy someone keeps beside their
 * specs. Such a file adds nothing, and loading it next to the built-in library would report
 * every standard in it as redefined, so workspaces leave it out, in the editor and on the
 * command line. Only an exact copy is recognised, whatever its folder or name (a later config
 * file's `ignore` globs need not list it): a byte-order mark and Windows line endings (a git
 * checkout on Windows) are allowed, but an edited copy is a catalogue of its own and is checked.
 */
export function isCopyOfBuiltinCatalogue(text: string): boolean {
    return text.length >= SHORTEST_CATALOGUE && CATALOGUE_TEXTS.has(normaliseText(text));
}

function normaliseText(text: string): string {
    return text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
}

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

    isCopy(text: string): boolean {
        return isCopyOfBuiltinCatalogue(text);
    }
}
