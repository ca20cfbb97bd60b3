import { FaultInjector } from './fault-injector';

describe('FaultInjector', () => {
  it('fails the next N requests, then lets requests through', () => {
    const faults = new FaultInjector();
    faults.add({ mode: 'error', count: 2 });
    expect(faults.take('/info')).toEqual({
      mode: 'error',
      afterApply: false,
      status: 503,
      message: 'Service unavailable',
      code: null,
    });
    expect(faults.take('/book')?.status).toBe(503);
    expect(faults.take('/book')).toBeUndefined();
  });

  it('can let the request through and only replace its answer', () => {
    const faults = new FaultInjector();
    faults.add({ mode: 'error', path: '/orders/create', afterApply: true });
    expect(faults.take('/orders/create')).toMatchObject({ afterApply: true, status: 503 });
  });

  it('matches by path prefix until cleared', () => {
    const faults = new FaultInjector();
    faults.add({ mode: 'reject', path: '/orders', message: 'nope' });
    expect(faults.take('/info')).toBeUndefined();
    expect(faults.take('/orders/create')).toMatchObject({ status: 422, message: 'nope', code: 0 });
    expect(faults.take('/orders/cancel')?.mode).toBe('reject');
    faults.clear();
    expect(faults.take('/orders/create')).toBeUndefined();
  });
});
