import { ApiKeyEntity } from './api-key.entity';

/** The auth library's TypeORM entities (TypeOrmModule.forFeature; tests give them to their DataSource). */
export const AUTH_ENTITIES = [ApiKeyEntity];
