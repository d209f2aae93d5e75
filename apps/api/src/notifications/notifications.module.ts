import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module.js';
import { NotificationResolver } from './notification.resolver.js';

@Module({ imports: [ItemsModule], providers: [NotificationResolver] })
export class NotificationsModule {}
