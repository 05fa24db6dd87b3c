import { DefaultConfigurationProvider, type ConfigurationInitializedParams } from 'langium';
import type { InitializeParams } from 'vscode-languageserver';

/**
 * Langium's configuration provider, which registers for `workspace/didChangeConfiguration`
 * only with a client that said it takes such registrations (`dynamicRegistration`): Langium's
 * registers with any client that answers `workspace/configuration`, and eglot, for one, warns
 * the user about the registration it does not support at every start.
 */
export class RegisteringConfigurationProvider extends DefaultConfigurationProvider {
    protected registrationSupported = false;

    override initialize(params: InitializeParams): void {
        super.initialize(params);
        this.registrationSupported = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    }

    override initialized(params: ConfigurationInitializedParams): Promise<void> {
        return super.initialized(this.registrationSupported ? params : { ...params, register: undefined });
    }
}
