import {
  applyDecorators,
  ArgumentsHost,
  Catch,
  Controller,
  RpcExceptionFilter,
  UseFilters,
} from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

/**
 * Hands a handler's error to the consumer pipeline unchanged. Nest's default RPC filter would
 * replace it by "Internal server error" and the pipeline could no longer tell retriable errors.
 */
@Catch()
export class MessageConsumerFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

/** Use instead of @Controller() on classes with @EventPattern/@MessagePattern handlers. */
export function MessageConsumer(): ClassDecorator {
  return applyDecorators(Controller(), UseFilters(MessageConsumerFilter));
}
