import type { Type } from '@nestjs/common';
import type { Command, ICommand, ICommandBus, ICommandHandler } from '@nestjs/cqrs';

/**
 * A command bus without Nest: routes each command to the handler registered for its class and
 * keeps every command it was given, in order. For handler and service specs.
 */
export class InMemoryCommandBus implements ICommandBus {
  readonly executed: ICommand[] = [];
  private readonly handlers = new Map<Type<ICommand>, ICommandHandler>();

  register<C extends ICommand>(command: Type<C>, handler: ICommandHandler<C>): this {
    this.handlers.set(command, handler);
    return this;
  }

  execute<R = void>(command: Command<R> | ICommand): Promise<R> {
    this.executed.push(command);
    const handler = this.handlers.get(command.constructor as Type<ICommand>);
    if (!handler) {
      return Promise.reject(new Error(`no handler for ${command.constructor.name}`));
    }
    return handler.execute(command) as Promise<R>;
  }
}
