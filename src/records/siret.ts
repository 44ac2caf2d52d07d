import { SIRET_DIGITS } from './patterns';

/**
 * SIRET numbers: 14 digits whose Luhn sum is a multiple of 10. La Poste's establishments
 * (SIREN 356 000 000) are numbered outside that rule and instead have a digit sum multiple of 5.
 */
const LA_POSTE_SIREN = '356000000';

function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

/** Whether `siret` is 14 digits with a valid check (Luhn, or La Poste's rule). */
export function isValidSiret(siret: string): boolean {
  if (!SIRET_DIGITS.test(siret)) return false;
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== '35600000000048') {
    return [...siret].reduce((s, d) => s + Number(d), 0) % 5 === 0;
  }
  return luhnSum(siret) % 10 === 0;
}

/** Completes 13 digits with the Luhn check digit (used by the seed and the synthetic generator). */
export function withLuhnCheckDigit(thirteenDigits: string): string {
  if (!/^\d{13}$/.test(thirteenDigits)) throw new Error(`expected 13 digits, got ${thirteenDigits}`);
  for (let d = 0; d <= 9; d += 1) {
    const candidate = `${thirteenDigits}${d}`;
    if (luhnSum(candidate) % 10 === 0) return candidate;
  }
  throw new Error('unreachable: one check digit always fits');
}
