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
        // Langium's ValidationRegistry calls each check with the validator as `this` (register(checks, thisObj)).
        files: ['language/src/validation/**/*.ts'],
        rules: { '@typescript-eslint/unbound-method': 'off' }
    }
);
