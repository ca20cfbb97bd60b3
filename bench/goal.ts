// One line per figure, the same in every bench: the figure, its goal (issue 17's table) and the
// ratio to it, >= 1 when the goal is met whichever way the goal points:
//   signed bodies/s (one core): 15,210 /s | goal >= 15,000 /s | ratio 1.01 met
// A rate's ratio is figure / goal; a latency's (a ceiling) is goal / figure.

export type Goal = { readonly atLeast: number } | { readonly atMost: number };

export function printFigure(label: string, figure: number, unit: string, goal?: Goal): void {
  const parts = [`${label}: ${format(figure)} ${unit}`];
  if (goal) {
    const ratio = 'atLeast' in goal ? figure / goal.atLeast : goal.atMost / figure;
    const target = 'atLeast' in goal ? `>= ${format(goal.atLeast)}` : `<= ${format(goal.atMost)}`;
    parts.push(
      `goal ${target} ${unit}`,
      `ratio ${ratio >= 0.1 ? ratio.toFixed(2) : ratio.toPrecision(2)} ${ratio >= 1 ? 'met' : 'short'}`,
    );
  }
  console.log(parts.join(' | '));
}

function format(value: number): string {
  if (Math.abs(value) >= 100) {
    return Math.round(value).toLocaleString('en-US');
  }
  return Number(value.toPrecision(3)).toString();
}
