import { describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { PROJECT_ROOT } from './support/run-cli.js';

// The layers of src/ and their order are in .dependency-cruiser.cjs; `npx depcruise src` shows the same.

function describeViolation(violation: IViolation): string {
  const path = violation.cycle?.length ? violation.cycle.map((step) => step.name).join(' → ') : violation.to;
  return `${violation.rule.name}: ${violation.from} → ${path}`;
}

async function cruiseSrc(): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions(`${PROJECT_ROOT}.dependency-cruiser.cjs`);
  const tsConfig = extractTSConfig(`${PROJECT_ROOT}tsconfig.json`);
  // The rules' paths are relative to the project root, whatever directory the tests run from.
  const result = await cruise(['src'], { ...options, validate: true, baseDir: PROJECT_ROOT }, undefined, { tsConfig });
  return result.output as ICruiseResult;
}

describe('architecture', () => {
  it('imports only point down the layers, with no cycles', async () => {
    const result = await cruiseSrc();
    // A wrong path or option would cruise nothing and find nothing wrong.
    expect(result.summary.totalCruised).toBeGreaterThan(100);
    expect(result.summary.violations.map(describeViolation)).toEqual([]);
  });
});
