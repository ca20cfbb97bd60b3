import type { SignalsPageView, SignalView, StrategyView } from '../http/strategies.views';
import type {
  NamedValueModel,
  StrategyModel,
  StrategySignalModel,
  StrategySignalsPageModel,
} from './strategy.model';

function named(values: Readonly<Record<string, unknown>>, show: (value: unknown) => string) {
  return Object.entries(values).map(([name, value]): NamedValueModel => ({
    name,
    value: show(value),
  }));
}

export function strategyModel(view: StrategyView): StrategyModel {
  return { ...view, parameters: named(view.parameters, (value) => JSON.stringify(value)) };
}

function signalModel(view: SignalView): StrategySignalModel {
  return { ...view, indicators: named(view.indicators, String) };
}

export function signalsPageModel(view: SignalsPageView): StrategySignalsPageModel {
  return { ...view, signals: view.signals.map(signalModel) };
}
