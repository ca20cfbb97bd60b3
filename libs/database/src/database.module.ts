import {
  DynamicModule,
  FactoryProvider,
  Logger,
  Module,
  ModuleMetadata,
  OnApplicationShutdown,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions, MigrationExecutor } from 'typeorm';

import { buildDataSourceOptions, DatabaseConnectionOptions } from './data-source';
import { DatabaseModuleOptions } from './database.options';
import { EmbeddedTimescale, startEmbeddedTimescale } from './embedded-timescale';
import { runMigrations } from './migrate';
import { SchemaNotReadyError, waitForSchema } from './schema-wait';

export interface DatabaseModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  useFactory: (...args: never[]) => DatabaseModuleOptions | Promise<DatabaseModuleOptions>;
  inject?: FactoryProvider['inject'];
}

const DATABASE_MODULE_OPTIONS = Symbol('DATABASE_MODULE_OPTIONS');
/** Shutdown must end within the app's 10 s whatever the database does: DataSource 2 s, embedded stop 4 s. */
const DESTROY_TIMEOUT_MS = 2_000;

/**
 * A DataSource whose destroy() waits at most DESTROY_TIMEOUT_MS: closing a pool waits for every
 * connection to end, which never happens on a frozen database. TypeOrmModule destroys it first
 * at shutdown, so the bound has to live in the DataSource itself.
 */
class BoundedDataSource extends DataSource {
  constructor(
    options: DataSourceOptions,
    private readonly onHang: () => Promise<void>,
  ) {
    super(options);
  }

  override async destroy(): Promise<void> {
    const destroyed = super.destroy();
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<'hung'>((resolveHung) => {
      timer = setTimeout(() => resolveHung('hung'), DESTROY_TIMEOUT_MS);
    });
    const result = await Promise.race([destroyed, hung]);
    clearTimeout(timer);
    if (result === 'hung') {
      destroyed.catch(() => undefined);
      await this.onHang();
    }
  }
}

/** Owns the embedded server (if any) and the DataSource, so it can stop them in the right order. */
class DatabaseLifecycle implements OnApplicationShutdown {
  private static readonly logger = new Logger('Database');
  private dataSource?: DataSource;

  constructor(
    readonly connection: DatabaseConnectionOptions,
    private readonly options: DatabaseModuleOptions,
    private readonly embedded?: EmbeddedTimescale,
  ) {}

  static async start(options: DatabaseModuleOptions): Promise<DatabaseLifecycle> {
    if (options.url !== undefined) {
      return new DatabaseLifecycle(
        { url: options.url, embedded: false, poolSize: options.poolSize },
        options,
      );
    }
    const embedded = await startEmbeddedTimescale({
      dataDir: options.embeddedDataDir,
      port: options.embeddedPort,
      logger: new Logger('EmbeddedTimescale'),
      // The app and its database live and die together: a process supervisor restarts both.
      onGiveUp: () => process.exit(1),
    });
    return new DatabaseLifecycle({ url: embedded.url, embedded: true }, options, embedded);
  }

  /** Initializes and migrates the DataSource; on failure stops the embedded server so nothing is left running. */
  async initialize(options: DataSourceOptions): Promise<DataSource> {
    this.dataSource = new BoundedDataSource(options, () => this.stopDatabase('did not close'));
    try {
      await this.dataSource.initialize();
      if (this.options.migrations === 'wait') {
        await this.waitForSchema(this.dataSource);
      } else {
        await this.migrate(this.dataSource);
      }
      return this.dataSource;
    } catch (error) {
      if (this.dataSource.isInitialized) {
        await this.dataSource.destroy();
      }
      await this.embedded?.stop();
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource?.isInitialized) {
      await this.dataSource.destroy();
    }
    await this.stopDatabase();
  }

  private async migrate(dataSource: DataSource): Promise<void> {
    const pending = await new MigrationExecutor(dataSource).getPendingMigrations();
    if (pending.length === 0) {
      DatabaseLifecycle.logger.log(
        `schema up to date (${dataSource.migrations.length} migrations)`,
      );
      return;
    }
    DatabaseLifecycle.logger.log(`applying ${pending.length} migrations`);
    const started = performance.now();
    await runMigrations(dataSource);
    const seconds = ((performance.now() - started) / 1_000).toFixed(1);
    DatabaseLifecycle.logger.log(`applied ${pending.length} migrations in ${seconds} s`);
  }

  private async waitForSchema(dataSource: DataSource): Promise<void> {
    const newest = await waitForSchema(dataSource, {
      timeoutMs: (this.options.schemaWaitSeconds ?? 300) * 1_000,
      logger: DatabaseLifecycle.logger,
    });
    DatabaseLifecycle.logger.log(`schema ready (migrated by the migrate step up to ${newest})`);
  }

  private async stopDatabase(reason?: string): Promise<void> {
    if (reason !== undefined) {
      DatabaseLifecycle.logger.error(
        `the database connection ${reason} within ${DESTROY_TIMEOUT_MS} ms; stopping without it`,
      );
    }
    try {
      await this.embedded?.stop();
    } catch (error) {
      DatabaseLifecycle.logger.error((error as Error).message);
    }
  }
}

@Module({})
export class DatabaseModule {
  static forRootAsync(options: DatabaseModuleAsyncOptions): DynamicModule {
    // TypeOrmModule's dataSourceFactory cannot inject providers, so it reaches this module's
    // lifecycle through this per-registration box.
    const box: { lifecycle?: DatabaseLifecycle } = {};
    const lifecycleModule: DynamicModule = {
      module: DatabaseLifecycleModule,
      imports: options.imports ?? [],
      providers: [
        {
          provide: DATABASE_MODULE_OPTIONS,
          useFactory: options.useFactory,
          inject: options.inject ?? [],
        },
        {
          provide: DatabaseLifecycle,
          useFactory: async (moduleOptions: DatabaseModuleOptions) =>
            (box.lifecycle = await DatabaseLifecycle.start(moduleOptions)),
          inject: [DATABASE_MODULE_OPTIONS],
        },
      ],
      exports: [DatabaseLifecycle],
    };
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          imports: [lifecycleModule],
          inject: [DatabaseLifecycle],
          useFactory: (lifecycle: DatabaseLifecycle) => ({
            ...buildDataSourceOptions(lifecycle.connection),
            // Run by DatabaseLifecycle.initialize, which says what it is doing.
            migrationsRun: false,
            autoLoadEntities: true,
            // A failed embedded start or migration will not heal by retrying.
            retryAttempts: lifecycle.connection.embedded ? 0 : 9,
            // Neither will a schema that stayed behind for the whole wait.
            toRetry: (error: unknown) => !(error instanceof SchemaNotReadyError),
          }),
          dataSourceFactory: (dataSourceOptions) => box.lifecycle!.initialize(dataSourceOptions!),
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}

@Module({})
class DatabaseLifecycleModule {}
