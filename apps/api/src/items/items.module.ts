import { Module } from '@nestjs/common';
import { ItemCommandsService } from './item-commands.service.js';
import { ItemResolver } from './item.resolver.js';

@Module({ providers: [ItemCommandsService, ItemResolver], exports: [ItemCommandsService] })
export class ItemsModule {}
