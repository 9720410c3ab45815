import { z } from 'zod';
import { ClientNameSchema, ServerIdSchema } from '../shared/contract';

const ToolNamesSchema = z.array(z.string().min(1).max(200)).max(1_000);

/** One server's tool switches as settings.json keeps them. */
export const ServerToolAccessSchema = z.object({
  offForAll: ToolNamesSchema.default(() => []),
  /** By client name. */
  offByClient: z.record(ClientNameSchema, ToolNamesSchema).default(() => ({})),
  /** The client names seen connecting to this server, offered as choices. */
  clientsSeen: z.array(ClientNameSchema).max(200).default(() => []),
});
export type ServerToolAccess = z.output<typeof ServerToolAccessSchema>;

/** Every server's tool switches, by server id. */
export const ToolAccessSettingsSchema = z.record(ServerIdSchema, ServerToolAccessSchema);
