import { relative, resolve } from 'node:path';
import { URI } from 'langium';
import { findConfigFile } from '../../language/src/config/config-discovery.js';
import { parseConfig, type TrainSpecConfig } from '../../language/src/config/trainspec-config.js';
import { decodeSource } from '../../language/src/workspace/source-text.js';
import { NodeSourceFileSystem, type SourceFileSystem } from './files/file-system.js';
import { readFileBytes } from './files/regular-file.js';

export type RunConfig = { config?: TrainSpecConfig } | { problem: string };

/**
 * The one configuration file of a run: the file `--config` names, or else the nearest
 * `trainspec.config.json` in the working folder or above it (as the editor finds one from a
 * workspace folder), or none. It is read by the CLI's one rule for files; whatever is wrong
 * with it is one line that names the file.
 */
export function loadRunConfig(configOption: string | undefined, cwd: string, fileSystem: SourceFileSystem = new NodeSourceFileSystem()): RunConfig {
    const path = configOption !== undefined ? resolve(cwd, configOption) : findConfigFile(URI.file(cwd), uri => isFile(fileSystem, uri.fsPath))?.fsPath;
    if (path === undefined) {
        return {};
    }
    const shown = configOption ?? (relative(cwd, path) || path);
    const bytes = readFileBytes(fileSystem, path);
    if ('problem' in bytes) {
        return { problem: `${shown}: ${bytes.problem.message}` };
    }
    const decoded = decodeSource(bytes.bytes);
    if ('problem' in decoded) {
        return { problem: `${shown}: ${decoded.problem.message}` };
    }
    const parsed = parseConfig(decoded.text, URI.file(path).toString());
    return 'error' in parsed ? { problem: `${shown}: ${parsed.error}` } : { config: parsed.config };
}

function isFile(fileSystem: SourceFileSystem, path: string): boolean {
    try {
        return fileSystem.stat(path).kind === 'file';
    } catch {
        return false;
    }
}
