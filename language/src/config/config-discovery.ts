import { URI, UriUtils } from 'langium';
import { CONFIG_FILE_NAME } from '../protocol/constants.js';

/**
 * The configuration file that applies in `folder`: the nearest `trainspec.config.json` in it or
 * in a folder above it, as `isFile` finds them. The editor and the CLI both look this way.
 */
export function findConfigFile(folder: URI, isFile: (uri: URI) => boolean): URI | undefined {
    for (let current = folder; ; current = UriUtils.dirname(current)) {
        const candidate = UriUtils.joinPath(current, CONFIG_FILE_NAME);
        if (isFile(candidate)) {
            return candidate;
        }
        if (UriUtils.dirname(current).path === current.path) {
            return undefined;
        }
    }
}
