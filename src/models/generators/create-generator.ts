/**
 * Builds the adapter for one configured model. Remote adapters are cheap to build and connect
 * on first use; the local GGUF adapter loads its weights on the first request.
 * @module
 */
import path from 'node:path';
import type { Logger } from '../../core/logger.js';
import { builtInChatTemplates, chatRenderer, chatTemplateSource } from './chat-template.js';
import type { GeneratorModelConfig } from './generator-config.js';
import type { Generator } from './generator.js';
import { HfInferenceGenerator } from './hf-generator.js';
import { LlamaGenerator } from './llama-generator.js';
import { OfflineComposer } from './offline-composer.js';
import { OpenAiGenerator } from './openai-generator.js';
import { TgiGenerator } from './tgi-generator.js';

/** An adapter with the endpoint key its resilience policies are shared under. */
export interface ConfiguredGenerator {
  generator: Generator;
  /** Base URL for servers, the file for local models, `offline` for the composer. */
  endpoint: string;
  /** Name for logs, usage records and fallback messages. */
  name: string;
  provider: GeneratorModelConfig['provider'];
}

export function createGenerator(
  config: GeneratorModelConfig,
  options: { logger?: Logger; baseFolder?: string } = {},
): ConfiguredGenerator {
  const logger = options.logger ? { logger: options.logger } : {};
  const { name, ...settings } = config;

  switch (settings.provider) {
    case 'offline':
      return made(new OfflineComposer(), 'offline', name ?? 'offline composer', config);
    case 'tgi': {
      const { chatTemplate, ...rest } = withoutProvider(settings);
      const renderChat = chatTemplate
        ? chatRenderer(chatTemplateSource(templatePath(chatTemplate, options.baseFolder)))
        : undefined;
      return made(
        new TgiGenerator({ ...rest, ...logger, ...(renderChat ? { renderChat } : {}) }),
        rest.url,
        name ?? `tgi ${rest.url}`,
        config,
      );
    }
    case 'openai': {
      const rest = withoutProvider(settings);
      const label = name ?? `openai ${rest.model} at ${rest.url}`;
      return made(new OpenAiGenerator({ ...rest, ...logger }), rest.url, label, config);
    }
    case 'hf': {
      const rest = withoutProvider(settings);
      const endpoint = rest.endpointUrl ?? `hf-providers:${rest.model ?? ''}`;
      return made(
        new HfInferenceGenerator({ ...rest, ...logger }),
        endpoint,
        name ?? `hf ${endpoint}`,
        config,
      );
    }
    case 'llama': {
      const rest = withoutProvider(settings);
      const modelPath = path.resolve(options.baseFolder ?? process.cwd(), rest.modelPath);
      const label = name ?? `llama ${path.basename(modelPath)}`;
      return made(new LlamaGenerator({ ...rest, modelPath, ...logger }), modelPath, label, config);
    }
  }
}

function made(
  generator: Generator,
  endpoint: string,
  name: string,
  config: GeneratorModelConfig,
): ConfiguredGenerator {
  return { generator, endpoint, name, provider: config.provider };
}

/** The adapter's own settings: the config entry less the key that chose the adapter. */
function withoutProvider<T extends { provider: string }>(config: T): Omit<T, 'provider'> {
  const settings: Partial<T> = { ...config };
  delete settings.provider;
  return settings as Omit<T, 'provider'>;
}

/** A built-in template name as is; a file relative to the config file's folder. */
function templatePath(chatTemplate: string, baseFolder: string | undefined): string {
  if (builtInChatTemplates.includes(chatTemplate)) return chatTemplate;
  return path.resolve(baseFolder ?? process.cwd(), chatTemplate);
}
