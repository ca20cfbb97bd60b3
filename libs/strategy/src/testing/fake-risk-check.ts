import {
  RiskCheckPort,
  type RiskCheckRequest,
  type RiskVerdict,
} from '../application/ports/risk-check.port';

const APPROVED: RiskVerdict = { approved: true, rule: null, reason: 'all rules passed' };

/**
 * Approves everything until told to reject; keeps every request it saw (answered or not). While
 * `unavailable`, it fails as the bus does when no risk service answers.
 */
export class FakeRiskCheck extends RiskCheckPort {
  readonly checked: RiskCheckRequest[] = [];
  verdict: RiskVerdict = APPROVED;
  unavailable = false;

  rejectWith(rule: string, reason: string): void {
    this.verdict = { approved: false, rule, reason };
  }

  check(request: RiskCheckRequest): Promise<RiskVerdict> {
    this.checked.push(request);
    if (this.unavailable) {
      return Promise.reject(new Error('no responder on risk.checks.v1'));
    }
    return Promise.resolve(this.verdict);
  }
}
