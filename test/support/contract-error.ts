import { expect } from 'vitest';
import { ContractError } from '../../src/shared/contract';

/** Awaits a promise that must reject with a ContractError of `code`, and returns that error. */
export async function expectContractError(promise: Promise<unknown>, code: string): Promise<ContractError> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(ContractError);
  expect((error as ContractError).code).toBe(code);
  return error as ContractError;
}
