import {
  RiskCheckPort,
  type RiskCheckRequest,
  type RiskVerdict,
} from '../application/ports/risk-check.port';

const APPROVED: RiskVerdict = { approved: true, rule: null, reason: 'all rules passed' };

/** Approves everything until told to reject; keeps every request it saw. */
export class FakeRiskCheck extends RiskCheckPort {
  readonly checked: RiskCheckRequest[] = [];
  verdict: RiskVerdict = APPROVED;

  rejectWith(rule: string, reason: string): void {
    this.verdict = { approved: false, rule, reason };
  }

  check(request: RiskCheckRequest): Promise<RiskVerdict> {
    this.checked.push(request);
    return Promise.resolve(this.verdict);
  }
}
