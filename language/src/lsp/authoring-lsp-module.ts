import type { Module } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import type { TrainSpecServices } from '../trainspec-module.js';

/** Changing specs: formatting, quick fixes, code lenses. */
export const AuthoringLspModule: Module<TrainSpecServices, PartialLangiumServices> = {};
