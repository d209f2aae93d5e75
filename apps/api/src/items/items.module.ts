import { Module } from '@nestjs/common';
import { ItemCommandsService } from './item-commands.service.js';

@Module({ providers: [ItemCommandsService], exports: [ItemCommandsService] })
export class ItemsModule {}
