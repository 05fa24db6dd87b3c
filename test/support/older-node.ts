import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * A `node` on PATH older than 22 (these machines ship 20 behind the private Node 24 that
 * scripts/with-node.sh puts first), if there is one: the oldest Node TrainSpec supports.
 */
export function olderNode(): string | undefined {
    return (process.env.PATH ?? '').split(delimiter)
        .map(folder => join(folder, 'node'))
        .filter(existsSync)
        .find(node => Number(nodeVersion(node).split('.')[0]) < 22);
}

/** The version of the Node at `node` ("20.20.2"), or "" if it does not run. */
export function nodeVersion(node: string, env?: NodeJS.ProcessEnv): string {
    return spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8', env }).stdout?.trim() ?? '';
}
