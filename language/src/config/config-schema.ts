import { CONFIG_FILE_NAME } from '../protocol/constants.js';
import { CONFIGURED_SEVERITIES, DIAGNOSTIC_CODES } from '../validation/diagnostic-codes.js';

const SEVERITY_DESCRIPTIONS: Record<typeof CONFIGURED_SEVERITIES[number], string> = {
    off: 'Do not report it.',
    information: 'Report it as information.',
    warning: 'Report it as a warning.',
    error: 'Report it as an error (trainspec check then exits with 1).'
};

/**
 * The JSON Schema of `trainspec.config.json`, made from the one list of codes: editors use it
 * for completion, hover and checking as the file is edited. `npm run generate` writes it to
 * schemas/trainspec.config.schema.json, and a test keeps that file up to date.
 */
export function createConfigSchema(): object {
    const configurable = DIAGNOSTIC_CODES.filter(info => info.configurable);
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: `TrainSpec configuration (${CONFIG_FILE_NAME})`,
        description: 'How TrainSpec reports each diagnostic code, and which files it leaves out. The editor and trainspec check both read the nearest trainspec.config.json in the folder or above it.',
        type: 'object',
        additionalProperties: false,
        properties: {
            $schema: { type: 'string', description: 'The JSON Schema of this file, for editors other than VS Code.' },
            severity: {
                type: 'object',
                description: 'The severity of each diagnostic code that should differ from its default: off, information, warning or error. Syntax errors, unparsable files and problems with the input cannot be changed.',
                additionalProperties: false,
                properties: Object.fromEntries(configurable.map(info => [info.code, {
                    description: `${info.title}: ${info.description} Default: ${info.severity}.`,
                    markdownDescription: `**${info.title}** (default: ${info.severity})\n\n${info.description}\n\n${info.help}`,
                    enum: [...CONFIGURED_SEVERITIES],
                    enumDescriptions: CONFIGURED_SEVERITIES.map(severity => SEVERITY_DESCRIPTIONS[severity])
                }]))
            },
            ignore: {
                type: 'array',
                description: 'Glob patterns, relative to this file\'s folder, of files and folders that TrainSpec does not load at all, such as "drafts/**" or "**/*.old.tspec".',
                items: { type: 'string', minLength: 1 },
                uniqueItems: true
            }
        }
    };
}
