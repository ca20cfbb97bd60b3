import { WhaleActivityEntity } from './whale-activity.entity';
import { WhaleAlertEntity } from './whale-alert.entity';
import { WhaleTradePriceEntity } from './whale-trade-price.entity';

/** The whales context's TypeORM entities (TypeOrmModule.forFeature; tests give them to their DataSource). */
export const WHALES_ENTITIES = [WhaleActivityEntity, WhaleAlertEntity, WhaleTradePriceEntity];
