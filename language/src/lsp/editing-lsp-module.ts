import type { Module } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import type { TrainSpecServices } from '../trainspec-module.js';

/** Reading and navigating: hover, completion, semantic highlighting, rename, symbols. */
export const EditingLspModule: Module<TrainSpecServices, PartialLangiumServices> = {};
