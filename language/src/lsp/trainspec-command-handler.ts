import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor } from 'langium/lsp';
import { ServerCommands } from '../protocol/constants.js';
import type { TrainSpecSharedServices } from '../trainspec-module.js';

/**
 * The commands the server runs itself (`workspace/executeCommand`, declared in
 * `executeCommandProvider`), for editors that have no TrainSpec extension of their own. Their
 * arguments are checked before they get here (LSP_PARAMS_CHECKS), so each command may rely on them.
 */
export class TrainSpecCommandHandler extends AbstractExecuteCommandHandler {
    protected readonly services: TrainSpecSharedServices;

    constructor(services: TrainSpecSharedServices) {
        // The base class registers the commands in its constructor; they reach `this.services` only when run.
        super();
        this.services = services;
    }

    registerCommands(accept: ExecuteCommandAcceptor): void {
        accept(ServerCommands.openCoverageReport, ([documentUri, programme], token) =>
            this.services.lsp.CoverageReportOpener.open(documentUri as string, programme as string, token));
    }
}
