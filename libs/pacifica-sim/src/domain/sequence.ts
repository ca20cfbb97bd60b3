/** Ids handed out in order from 1; one sequence is shared by everything that numbers the same kind. */
export class Sequence {
  private nextId = 1;

  next(): number {
    return this.nextId++;
  }

  get last(): number {
    return this.nextId - 1;
  }
}
