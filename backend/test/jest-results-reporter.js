// Writes jest's aggregated results (the same object as `jest --json`) to
// $REGISTRE_TEST_RESULTS/<name>.json, so .ci/run can count passes and failures across test runs.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class ResultsFileReporter {
  constructor(_globalConfig, options) {
    this.name = (options && options.name) || 'jest';
  }

  onRunComplete(_contexts, results) {
    const dir = process.env.REGISTRE_TEST_RESULTS;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${this.name}.json`), JSON.stringify(results));
  }
}

module.exports = ResultsFileReporter;
