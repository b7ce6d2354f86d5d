// Lint rules, and the import boundaries between pipeline stages (see docs/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const stages = ['model', 'config', 'fetch', 'parse', 'sanitize', 'store', 'pipeline', 'render', 'publish', 'cli', 'health', 'avatar', 'filter', 'readinglist'];
const dbClients = ['better-sqlite3', 'kysely', 'pg'];

/** A stage may reach another stage only through that stage's index.ts. */
const noDeepImports = {
  regex: `^(\\.\\./)+(${stages.join('|')})/(?!index\\.ts$).+`,
  message: "Import another stage only through its index.ts (its public face).",
};

/** Names the stages a folder may not import, plus packages it may not use. */
function forbid(folder, { stages: banned = [], packages = [], why }) {
  const patterns = [noDeepImports];
  if (banned.length > 0) {
    patterns.push({ regex: `^(\\.\\./)+(${banned.join('|')})(/|$)`, message: why });
  }
  if (packages.length > 0) {
    patterns.push({ regex: `^(${packages.join('|')})(/|$)`, message: why });
  }
  return {
    files: [`src/${folder}/**/*.ts`],
    ignores: [`src/${folder}/**/*.test.ts`],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  };
}

const exceptPipelineAndCli = stages.filter((s) => !['model', 'pipeline', 'cli'].includes(s));

export default tseslint.config(
  { ignores: ['node_modules/', 'examples/**/output/', '**/testdata/**', 'docs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'exit', message: 'Only src/cli exits; throw a PlanetError instead.' },
      ],
    },
  },
  {
    files: ['src/model/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!\\./)', message: 'model imports nothing outside itself.' }] },
      ],
    },
  },
  // Stages other than pipeline and cli see only model.
  ...exceptPipelineAndCli.map((folder) =>
    forbid(folder, {
      stages: stages.filter((s) => s !== 'model' && s !== folder),
      packages: folder === 'store' ? [] : dbClients,
      why: `${folder} may import only model; stages meet in pipeline. SQL stays in store/.`,
    }),
  ),
  forbid('pipeline', { stages: ['cli'], packages: dbClients, why: 'pipeline does not reach into cli or the SQL clients.' }),
  forbid('cli', { packages: dbClients, why: 'SQL stays in store/.' }),
  {
    files: ['src/cli/**/*.ts', 'bin/**/*.js', 'scripts/**/*.js', 'examples/**/*.js', 'examples/**/*.ts', 'bench/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
