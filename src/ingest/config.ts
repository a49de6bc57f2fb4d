import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** The file ingest looks for at the content root when no --config is given. */
export const CONFIG_FILE_NAME = 'chronicle.config.json';

/** Zone for dates written without one, unless the config says otherwise. */
export const DEFAULT_TIME_ZONE = 'UTC';

const TimeZoneSchema = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'not an IANA time zone');

export const IngestConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Zone for dates without one, e.g. "Asia/Shanghai". */
  defaultTimeZone: TimeZoneSchema.default(DEFAULT_TIME_ZONE),
  /** Per source, keyed by the name ingest resolves (or any of its aliases). */
  sources: z
    .record(
      z.string().min(1),
      z.strictObject({
        displayName: z.string().min(1).optional(),
        aliases: z.array(z.string().min(1)).default([]),
        timeZone: TimeZoneSchema.optional(),
      }),
    )
    .default({}),
});

export type IngestConfig = z.infer<typeof IngestConfigSchema>;

export class ConfigInvalidError extends Error {
  override readonly name = 'ConfigInvalidError';
}

/** loadConfig: the config file if present (a missing default file is fine), validated. */
export async function loadConfig(path: string, required: boolean): Promise<IngestConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT')
      return IngestConfigSchema.parse({});
    throw new ConfigInvalidError(`${path}: cannot be read (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigInvalidError(`${path}: not JSON (${(error as Error).message})`);
  }
  const result = IngestConfigSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new ConfigInvalidError(`${path}: ${issues.join('; ')}`);
  }
  return result.data;
}

export interface SourceSettings {
  name: string;
  timeZone: string;
}

/**
 * sourceSettingsFor: the display name and zone for a resolved source name, following aliases,
 * so `环球观察` and `环球观察周刊` can be one source.
 */
export function sourceSettingsFor(config: IngestConfig, resolvedName: string): SourceSettings {
  for (const [key, settings] of Object.entries(config.sources)) {
    if (key === resolvedName || settings.aliases.includes(resolvedName)) {
      return {
        name: settings.displayName ?? key,
        timeZone: settings.timeZone ?? config.defaultTimeZone,
      };
    }
  }
  return { name: resolvedName, timeZone: config.defaultTimeZone };
}
