// ESLint flat config: typescript-eslint's type-checked rules over every TypeScript source and test.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
    {
        ignores: ['node_modules/', '.tools/', 'out/', 'test-output/', 'language/src/generated/', '**/*.d.ts']
    },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
        languageOptions: {
            parserOptions: {
                projectService: true,
                tsconfigRootDir: import.meta.dirname
            }
        },
        rules: {
            // Unused parameters named with a leading underscore document an interface's shape.
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
            eqeqeq: ['error', 'always'],
            curly: 'error',
            'prefer-const': 'error',
            'no-console': 'off'
        }
    },
    {
        // Plain JavaScript build scripts and launchers are not in the TypeScript project.
        files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
        ...tseslint.configs.disableTypeChecked,
        languageOptions: {
            ...tseslint.configs.disableTypeChecked.languageOptions,
            globals: { process: 'readonly', console: 'readonly', URL: 'readonly', __dirname: 'readonly', require: 'readonly' }
        }
    },
    {
        // Parser recovery leaves the name, title or text of a half-typed declaration out although the generated
        // types call them required, so text for people reads them through the helpers that allow for that.
        files: ['language/src/{catalogue,coverage,lsp,references,validation}/**/*.ts'],
        rules: {
            'no-restricted-syntax': ['error', {
                selector: 'TemplateLiteral > MemberExpression[property.name=/^(name|title|text)$/]',
                message: 'A half-typed declaration may have no name, title or text: use nameOf, titleOf, textOf, shownName or sentenceSubject (language/src/catalogue/item-descriptions.ts).'
            }]
        }
    },
    {
        // Langium's ValidationRegistry calls each check with the validator as `this` (register(checks, thisObj)).
        files: ['language/src/validation/**/*.ts'],
        rules: { '@typescript-eslint/unbound-method': 'off' }
    }
);
