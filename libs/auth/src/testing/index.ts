// For tests that give their own DataSource to an app with AuthModule.
export { AUTH_ENTITIES } from '../infrastructure/persistence/auth.entities';
