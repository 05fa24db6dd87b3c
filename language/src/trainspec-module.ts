import { inject, type DeepPartial, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, DefaultTextDocumentContentProvider, type DefaultSharedModuleContext,
    type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { DefaultConfigLoader, type ConfigLoader } from './config/config-loader.js';
import { DefaultCoverageAnalysis, type CoverageAnalysis } from './coverage/coverage-analysis.js';
import { DefaultCoverageLabels, type CoverageLabels } from './coverage/coverage-labels.js';
import { DefaultItemUsage, type ItemUsage } from './coverage/item-usage.js';
import { DefaultRequirementResolver, type RequirementResolver } from './coverage/requirement-resolver.js';
import { StandardsGeneratedModule, TrainSpecGeneratedModule, TrainSpecGeneratedSharedModule } from './generated/module.js';
import { PlainLexerErrorMessageProvider } from './parser/plain-lexer-error-message-provider.js';
import { PlainParserErrorMessageProvider } from './parser/plain-parser-error-message-provider.js';
import { NestingGuardLexer } from './parser/nesting-guard-lexer.js';
import { createResilientLangiumParser } from './parser/resilient-langium-parser.js';
import { AuthoringLspModule, type AuthoringAddedServices } from './lsp/authoring-lsp-module.js';
import { DefaultClientSupport, type ClientSupport } from './lsp/client-support.js';
import { DefaultCoverageReportOpener, type CoverageReportOpener } from './lsp/coverage-report-opener.js';
import { EditingLspModule } from './lsp/editing-lsp-module.js';
import { DefaultSettingsConfiguration, type SettingsConfiguration } from './lsp/settings-configuration.js';
import { TitledWorkspaceSymbolProvider } from './lsp/titled-workspace-symbol-provider.js';
import { TrainSpecCommandHandler } from './lsp/trainspec-command-handler.js';
import { TrainSpecLanguageServer } from './lsp/trainspec-language-server.js';
import { TrainSpecDocumentUpdateHandler } from './lsp/trainspec-document-update-handler.js';
import { TrainSpecNodeKindProvider } from './lsp/trainspec-node-kind-provider.js';
import { BUILTIN_SCHEME, DefaultStandardsLibrary, type StandardsLibrary } from './library/standards-library.js';
import { GlobalScopeComputation } from './references/global-scope-computation.js';
import { DefaultDeclarationPrecedence, type DeclarationPrecedence } from './references/declaration-precedence.js';
import { DefaultOutsideDeclarations, type OutsideDeclarations } from './references/outside-declarations.js';
import { GlobalScopeProvider } from './references/global-scope-provider.js';
import { QualifiedNameProvider } from './references/qualified-name-provider.js';
import { SuggestingLinker } from './references/suggesting-linker.js';
import { CoverageValidator } from './validation/coverage-validator.js';
import { DeclarationValidator } from './validation/declaration-validator.js';
import { RepeatedReferenceValidator } from './validation/repeated-reference-validator.js';
import { SpecValidator } from './validation/spec-validator.js';
import { StandardsValidator } from './validation/standards-validator.js';
import { TrainSpecDocumentValidator } from './validation/trainspec-document-validator.js';
import { TrainSpecValidationRegistry } from './validation/trainspec-validation-registry.js';
import { registerWorkspaceChecks } from './validation/workspace-checks.js';
import { BuiltinWorkspaceManager } from './workspace/builtin-workspace-manager.js';
import type { CacheFolder } from './workspace/cache-folder.js';
import { DefaultDeclarationIndex, type DeclarationIndex } from './workspace/declaration-index.js';
import { DefaultDependencyGraph, type DependencyGraph } from './workspace/dependency-graph.js';
import { LazyAstNodeDescriptionProvider } from './workspace/lazy-ast-node-description-provider.js';
import { DefaultPendingRevalidation, type PendingRevalidation } from './workspace/pending-revalidation.js';
import { ResilientDocumentFactory } from './workspace/resilient-document-factory.js';
import { RegisteringConfigurationProvider } from './workspace/registering-configuration-provider.js';
import { RevalidatingDocumentBuilder } from './workspace/revalidating-document-builder.js';
import { StatusReportingWorkspaceLock } from './workspace/status-reporting-workspace-lock.js';
import { DefaultTrainSpecSettings, type TrainSpecSettings } from './workspace/trainspec-settings.js';
import { DefaultWorkspaceStatus, type WorkspaceStatus } from './workspace/workspace-status.js';

/** Services that both languages share: the library, coverage and the workspace-wide indexes. */
export interface TrainSpecAddedSharedServices {
    library: {
        StandardsLibrary: StandardsLibrary;
    };
    coverage: {
        RequirementResolver: RequirementResolver;
        CoverageAnalysis: CoverageAnalysis;
        ItemUsage: ItemUsage;
        CoverageLabels: CoverageLabels;
    };
    workspace: {
        DeclarationIndex: DeclarationIndex;
        DependencyGraph: DependencyGraph;
        PendingRevalidation: PendingRevalidation;
        WorkspaceStatus: WorkspaceStatus;
        /** A folder on the local disk for files editors open (server/'s NodeCacheFolder); none in the browser or the CLI. */
        CacheFolder: CacheFolder | undefined;
    };
    lsp: {
        ClientSupport: ClientSupport;
        CoverageReportOpener: CoverageReportOpener;
    };
    references: {
        OutsideDeclarations: OutsideDeclarations;
        DeclarationPrecedence: DeclarationPrecedence;
    };
    settings: {
        TrainSpecSettings: TrainSpecSettings;
        SettingsConfiguration: SettingsConfiguration;
        ConfigLoader: ConfigLoader;
    };
}

export type TrainSpecSharedServices = LangiumSharedServices & TrainSpecAddedSharedServices;

/** The services of one TrainSpec language (catalogues or programme specs). */
export type TrainSpecServices = LangiumServices & { shared: TrainSpecSharedServices } & AuthoringAddedServices;

export const TrainSpecSharedModule: Module<TrainSpecSharedServices, PartialLangiumSharedServices & TrainSpecAddedSharedServices> = {
    library: {
        StandardsLibrary: services => new DefaultStandardsLibrary(services)
    },
    coverage: {
        RequirementResolver: () => new DefaultRequirementResolver(),
        CoverageAnalysis: services => new DefaultCoverageAnalysis(services),
        ItemUsage: services => new DefaultItemUsage(services),
        CoverageLabels: () => new DefaultCoverageLabels()
    },
    workspace: {
        DeclarationIndex: services => new DefaultDeclarationIndex(services),
        DependencyGraph: services => new DefaultDependencyGraph(services),
        PendingRevalidation: () => new DefaultPendingRevalidation(),
        WorkspaceStatus: services => new DefaultWorkspaceStatus(services),
        CacheFolder: () => undefined,
        ConfigurationProvider: services => new RegisteringConfigurationProvider(services),
        WorkspaceLock: services => new StatusReportingWorkspaceLock(services),
        WorkspaceManager: services => new BuiltinWorkspaceManager(services),
        DocumentBuilder: services => new RevalidatingDocumentBuilder(services),
        LangiumDocumentFactory: services => new ResilientDocumentFactory(services)
    },
    references: {
        OutsideDeclarations: services => new DefaultOutsideDeclarations(services),
        DeclarationPrecedence: services => new DefaultDeclarationPrecedence(services)
    },
    settings: {
        TrainSpecSettings: () => new DefaultTrainSpecSettings(),
        SettingsConfiguration: services => new DefaultSettingsConfiguration(services),
        ConfigLoader: services => new DefaultConfigLoader(services)
    },
    lsp: {
        LanguageServer: services => new TrainSpecLanguageServer(services),
        ClientSupport: () => new DefaultClientSupport(),
        // Commands the server runs itself, and the report that one of them opens, for editors without the extension.
        ExecuteCommandHandler: services => new TrainSpecCommandHandler(services),
        CoverageReportOpener: services => new DefaultCoverageReportOpener(services),
        // Editors open the read-only built-in catalogues (go to definition) through workspace/textDocumentContent.
        TextDocumentContentProvider: services => new DefaultTextDocumentContentProvider(services, BUILTIN_SCHEME),
        NodeKindProvider: () => new TrainSpecNodeKindProvider(),
        // What the editor opens, edits, closes or reports as changed on disk, short of the read-only library.
        DocumentUpdateHandler: services => new TrainSpecDocumentUpdateHandler(services),
        WorkspaceSymbolProvider: services => new TitledWorkspaceSymbolProvider(services)
    }
};

/** What both languages do alike: one global namespace, qualified competence names, helpful linking errors. */
export const TrainSpecCommonModule: Module<TrainSpecServices, PartialLangiumServices> = {
    parser: {
        LangiumParser: services => createResilientLangiumParser(services),
        ParserErrorMessageProvider: services => new PlainParserErrorMessageProvider(services),
        LexerErrorMessageProvider: () => new PlainLexerErrorMessageProvider(),
        Lexer: services => new NestingGuardLexer(services)
    },
    references: {
        NameProvider: () => new QualifiedNameProvider(),
        ScopeComputation: services => new GlobalScopeComputation(services),
        ScopeProvider: services => new GlobalScopeProvider(services),
        Linker: services => new SuggestingLinker(services)
    },
    validation: {
        DocumentValidator: services => new TrainSpecDocumentValidator(services),
        ValidationRegistry: services => new TrainSpecValidationRegistry(services)
    },
    workspace: {
        AstNodeDescriptionProvider: services => new LazyAstNodeDescriptionProvider(services)
    }
};

export interface TrainSpecLanguages {
    shared: TrainSpecSharedServices;
    /** The standards catalogue language (.nos). */
    standards: TrainSpecServices;
    /** The programme spec language (.tspec). */
    spec: TrainSpecServices;
}

/**
 * Creates the services of both languages around one shared workspace, so that references
 * resolve across files and from specs into catalogues.
 */
export function createTrainSpecServices(context: DefaultSharedModuleContext, overrides?: Module<TrainSpecSharedServices, DeepPartial<TrainSpecSharedServices>>): TrainSpecLanguages {
    const shared = inject(
        createDefaultSharedModule(context),
        TrainSpecGeneratedSharedModule,
        TrainSpecSharedModule,
        overrides ?? {}
    );
    const standards = inject(createDefaultModule({ shared }), StandardsGeneratedModule, TrainSpecCommonModule, EditingLspModule, AuthoringLspModule);
    const spec = inject(createDefaultModule({ shared }), TrainSpecGeneratedModule, TrainSpecCommonModule, EditingLspModule, AuthoringLspModule);
    shared.ServiceRegistry.register(standards);
    shared.ServiceRegistry.register(spec);
    registerValidationChecks(standards, spec);
    if (!context.connection) {
        // Outside a language server nobody sends `initialized`, so configuration is ready at once
        // (with no client to ask, the returned promise is already settled and cannot fail).
        void shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, standards, spec };
}

function registerValidationChecks(standards: TrainSpecServices, spec: TrainSpecServices): void {
    const specValidator = new SpecValidator();
    spec.validation.ValidationRegistry.register(specValidator.checks, specValidator);
    const coverageValidator = new CoverageValidator(spec);
    registerWorkspaceChecks(spec.validation.ValidationRegistry, coverageValidator.checks, coverageValidator);
    const repeats = new RepeatedReferenceValidator();
    for (const language of [standards, spec]) {
        language.validation.ValidationRegistry.register(repeats.checks, repeats);
        const declarations = new DeclarationValidator(language);
        registerWorkspaceChecks(language.validation.ValidationRegistry, declarations.checks, declarations);
    }
    const standardsValidator = new StandardsValidator(standards);
    registerWorkspaceChecks(standards.validation.ValidationRegistry, standardsValidator.checks, standardsValidator);
}
