/** DI token of the RiskLimits in force (AppConfig['risk']). */
export const RISK_LIMITS = Symbol('RISK_LIMITS');
