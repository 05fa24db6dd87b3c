import { URI, type LangiumDocument, type LangiumDocumentFactory } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import pqfLeaflet from './pqf-leaflet.nos';
import roles from './roles.nos';
import s10Guidelines from './s10-guidelines.nos';
import { BUILTIN_SCHEME } from '../protocol/constants.js';
import { fingerprint } from '../text/fingerprint.js';
import { trainSpecVersion } from '../version.js';
import type { CacheFolder } from '../workspace/cache-folder.js';

export { BUILTIN_SCHEME };

/**
 * The built-in probation standards: the s10 guidelines (core skill sets, core competences,
 * NOS Annex A), the PQF leaflet and the roles built on them. They load read-only into
 * every workspace, in the editor and on the command line.
 */
export interface StandardsLibrary {
    /** One fresh document per built-in catalogue: a `builtin:` document, or its file once placeInFiles has succeeded. */
    createDocuments(): LangiumDocument[];
    /**
     * Writes the catalogues once, read-only, into the cache folder, for editors that cannot fetch
     * `builtin:` documents: from then on the library's documents are those files, so every
     * location into the library is one such an editor can open. Their text stays the library's
     * own, whatever an editor sends for them. False, and the library stays under `builtin:`,
     * when there is no cache folder (in the browser) or it cannot be written.
     */
    placeInFiles(): Promise<boolean>;
    /** Whether `uri` is a document of the built-in library, under `builtin:` or as its file in the cache folder. */
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

/**
 * The cache folder's subfolder for this library: by version and by the catalogues' text, so that
 * servers of different versions (or builds) sharing a cache never read each other's files.
 */
export const LIBRARY_FOLDER: readonly string[] = ['library', `${trainSpecVersion}-${fingerprint(...Object.values(CATALOGUES))}`];

/** The services the library needs: Langium's, a cache folder where there is a disk, and the connection to log to. */
export type StandardsLibraryServices = LangiumSharedServices & { workspace: { CacheFolder: CacheFolder | undefined } };

export class DefaultStandardsLibrary implements StandardsLibrary {
    protected readonly documentFactory: LangiumDocumentFactory;
    protected readonly cacheFolder: () => CacheFolder | undefined;
    protected readonly connection: Connection | undefined;
    /** The catalogues' files in the cache folder, by name, once written. */
    protected files: ReadonlyMap<string, URI> | undefined;
    protected fileUris: ReadonlySet<string> = new Set();

    constructor(services: StandardsLibraryServices) {
        this.documentFactory = services.workspace.LangiumDocumentFactory;
        this.cacheFolder = () => services.workspace.CacheFolder;
        this.connection = services.lsp.Connection;
    }

    createDocuments(): LangiumDocument[] {
        return Object.entries(CATALOGUES).map(([name, text]) => this.documentFactory.fromString(text, this.uriOf(name)));
    }

    async placeInFiles(): Promise<boolean> {
        const cacheFolder = this.cacheFolder();
        if (!cacheFolder) {
            return false;
        }
        try {
            const files = await cacheFolder.write(LIBRARY_FOLDER, new Map(Object.entries(CATALOGUES)), { readOnly: true });
            this.files = files;
            this.fileUris = new Set([...files.values()].map(uri => uri.toString()));
            return true;
        } catch (error) {
            this.connection?.console.warn(`The built-in library could not be written to the cache folder, so editors get it as builtin: documents: ${error instanceof Error ? error.message : String(error)}`);
            return false;
        }
    }

    isBuiltin(uri: URI | string): boolean {
        const parsed = typeof uri === 'string' ? URI.parse(uri) : uri;
        return parsed.scheme === BUILTIN_SCHEME || this.fileUris.has(parsed.toString());
    }

    protected uriOf(name: string): URI {
        return this.files?.get(name) ?? URI.from({ scheme: BUILTIN_SCHEME, path: `/${name}` });
    }

    isCopy(text: string): boolean {
        return isCopyOfBuiltinCatalogue(text);
    }
}
