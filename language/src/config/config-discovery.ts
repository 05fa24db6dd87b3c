import { URI, UriUtils } from 'langium';
import { CONFIG_FILE_NAME } from '../protocol/constants.js';

/**
 * The configuration file that applies in `folder`: the nearest `trainspec.config.json` in it or
 * in a folder above it, as `isFile` finds them. The editor and the CLI both look this way.
 */
export function findConfigFile(folder: URI, isFile: (uri: URI) => boolean): URI | undefined {
    return configFileCandidates(folder).find(isFile);
}

/** Where a configuration file for `folder` may be, nearest first: in it, then in each folder above it. */
export function configFileCandidates(folder: URI): URI[] {
    const candidates: URI[] = [];
    for (let current = folder; ; current = UriUtils.dirname(current)) {
        candidates.push(UriUtils.joinPath(current, CONFIG_FILE_NAME));
        if (UriUtils.dirname(current).path === current.path) {
            return candidates;
        }
    }
}
