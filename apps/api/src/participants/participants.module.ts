import { Global, Module } from '@nestjs/common';
import { ViewerDirectory } from '../auth/viewer-directory.js';
import { ItemsModule } from '../items/items.module.js';
import { ParticipantDirectory } from './participant-directory.service.js';
import { ParticipantResolver, WatchResolver } from './participant.resolver.js';

/** Global: both transports tell the directory of every viewer they authenticate. */
@Global()
@Module({
  imports: [ItemsModule],
  providers: [
    ParticipantDirectory,
    { provide: ViewerDirectory, useExisting: ParticipantDirectory },
    ParticipantResolver,
    WatchResolver,
  ],
  exports: [ViewerDirectory],
})
export class ParticipantsModule {}
