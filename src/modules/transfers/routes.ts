import { transfer, transferCreate, transferList, transferPatch, type Transfer, type TransferCreate, type TransferPatch } from '../../contracts/achievements.js';
import { checkTransferFields } from '../../domain/achievement.js';
import type { AppContext } from '../shared/context.js';
import { crudRoutes } from '../shared/crudRoutes.js';
import { lockById, transferListSpec, type TransferRow } from './queries.js';
import * as service from './service.js';

/** /api/v1/transfers — 成果转化. Not public: read by the achievement's owner and the officers of its area. */
export const transferRoutes = (ctx: AppContext) =>
  crudRoutes<Transfer, TransferCreate, TransferPatch, TransferRow>({
    ctx,
    table: 'transfers',
    path: '/transfers',
    tag: 'transfers',
    noun: 'transfer',
    schemas: { create: transferCreate, patch: transferPatch, item: transfer, list: transferList },
    rules: (input) => checkTransferFields(input, ctx.clock.today()),
    listSpec: transferListSpec(ctx.city),
    list: service.listTransfers,
    get: service.getTransfer,
    readAccess: 'achievements.read',
    entity: service.TRANSFER,
    lock: lockById,
    present: service.presentTransfer,
    create: service.createTransfer,
    update: service.updateTransfer,
    remove: service.deleteTransfer,
    access: { create: 'achievements.write', update: 'achievements.write', remove: 'achievements.write' },
    scope: { of: service.transferRowScope, after: service.transferScopeAfter },
  });
