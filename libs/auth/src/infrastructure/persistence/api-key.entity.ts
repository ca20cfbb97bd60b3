import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

import type { Role } from '../../domain/role';

/** A row of api_keys (migration 1795600093000): the SHA-256 of the key's secret, never the key. */
@Entity({ name: 'api_keys' })
@Check('api_keys_role_check', `role IN ('read', 'trade', 'admin')`)
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'text' })
  hash!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
