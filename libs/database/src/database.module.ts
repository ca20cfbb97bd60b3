import {
  DynamicModule,
  FactoryProvider,
  Module,
  ModuleMetadata,
  OnApplicationShutdown,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';

import { buildDataSourceOptions, DatabaseConnectionOptions } from './data-source';
import { DatabaseModuleOptions } from './database.options';
import { EmbeddedTimescale, startEmbeddedTimescale } from './embedded-timescale';

export interface DatabaseModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  useFactory: (...args: never[]) => DatabaseModuleOptions | Promise<DatabaseModuleOptions>;
  inject?: FactoryProvider['inject'];
}

const DATABASE_MODULE_OPTIONS = Symbol('DATABASE_MODULE_OPTIONS');

/** Owns the embedded server (if any) and the DataSource, so it can stop them in the right order. */
class DatabaseLifecycle implements OnApplicationShutdown {
  private dataSource?: DataSource;

  constructor(
    readonly connection: DatabaseConnectionOptions,
    private readonly embedded?: EmbeddedTimescale,
  ) {}

  static async start(options: DatabaseModuleOptions): Promise<DatabaseLifecycle> {
    if (options.url !== undefined) {
      return new DatabaseLifecycle({
        url: options.url,
        embedded: false,
        poolSize: options.poolSize,
      });
    }
    const embedded = await startEmbeddedTimescale({
      dataDir: options.embeddedDataDir,
      port: options.embeddedPort,
    });
    return new DatabaseLifecycle({ url: embedded.url, embedded: true }, embedded);
  }

  /** Initializes (and so migrates) the DataSource; on failure stops the embedded server so nothing is left running. */
  async initialize(options: DataSourceOptions): Promise<DataSource> {
    this.dataSource = new DataSource(options);
    try {
      return await this.dataSource.initialize();
    } catch (error) {
      await this.embedded?.stop();
      throw error;
    }
  }

  // The DataSource must be destroyed before the embedded server stops; TypeOrmModule's own
  // shutdown hook skips a DataSource that is no longer initialized, so hook order does not matter.
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource?.isInitialized) {
      await this.dataSource.destroy();
    }
    await this.embedded?.stop();
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
            migrationsRun: true,
            autoLoadEntities: true,
            // A failed embedded start or migration will not heal by retrying.
            retryAttempts: lifecycle.connection.embedded ? 0 : 9,
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
