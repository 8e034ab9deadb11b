import { existsSync } from 'node:fs';
import type * as NodeLlamaCpp from 'node-llama-cpp';
import { describeError, MarkwerkError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { LlamaGeneratorConfig } from './llama-generator-config.js';

/** The node-llama-cpp module namespace. */
export type LlamaLibrary = typeof NodeLlamaCpp;

/** What one loaded GGUF model needs: the library, its backend, the model and a context. */
export interface LlamaRuntime {
  library: LlamaLibrary;
  llama: NodeLlamaCpp.Llama;
  model: NodeLlamaCpp.LlamaModel;
  context: NodeLlamaCpp.LlamaContext;
}

const INSTALL_HINT =
  'node-llama-cpp is an optional dependency and is not installed; run ' +
  '`npm install node-llama-cpp@3.21.1` (about 730 MB of prebuilt binaries) or choose another ' +
  'generator provider.';

/** Imports node-llama-cpp at run time, so Markwerk starts without it. */
async function importLlamaLibrary(): Promise<LlamaLibrary> {
  return import('node-llama-cpp');
}

/**
 * Loads the library, a CPU (or, when allowed, GPU) backend, the GGUF file and one context.
 * Never builds llama.cpp from source and never downloads: a missing binary is an error.
 */
export async function openLlamaRuntime(
  config: LlamaGeneratorConfig,
  logger: Logger,
  importLibrary: () => Promise<LlamaLibrary> = importLlamaLibrary,
): Promise<LlamaRuntime> {
  if (!existsSync(config.modelPath)) {
    throw new MarkwerkError(
      'MODEL_NOT_FOUND',
      `GGUF model file ${config.modelPath} does not exist; set modelPath to a local .gguf file.`,
      { details: { provider: 'llama', modelPath: config.modelPath } },
    );
  }

  let library: LlamaLibrary;
  try {
    library = await importLibrary();
  } catch (error) {
    throw new MarkwerkError('GENERATION_FAILED', INSTALL_HINT, {
      details: { provider: 'llama', dependency: 'node-llama-cpp', retryable: false },
      cause: error,
    });
  }

  const llama = await library
    .getLlama({
      gpu: config.gpu ? 'auto' : false,
      build: 'never',
      skipDownload: true,
      maxThreads: config.threads,
      logLevel: library.LlamaLogLevel.warn,
      logger: (level, message) => logger.debug({ level, provider: 'llama' }, message.trim()),
    })
    .catch((error: unknown) => {
      throw failure(
        `node-llama-cpp found no usable llama.cpp binary (${describeError(error)}); ` +
          'reinstall node-llama-cpp so its prebuilt binaries are present.',
        { error, config },
      );
    });

  try {
    const model = await llama.loadModel({ modelPath: config.modelPath });
    const context = await model
      .createContext({
        contextSize: config.contextSize,
        threads: config.threads,
        sequences: config.sequences,
      })
      .catch(async (error: unknown) => {
        await model.dispose();
        throw error;
      });
    return { library, llama, model, context };
  } catch (error) {
    await llama.dispose();
    throw failure(
      `Could not load ${config.modelPath} (${describeError(error)}); check that it is a GGUF ` +
        `model llama.cpp supports and that contextSize ${config.contextSize} fits in memory.`,
      { error, config },
    );
  }
}

function failure(
  message: string,
  { error, config }: { error: unknown; config: LlamaGeneratorConfig },
): MarkwerkError {
  return new MarkwerkError('GENERATION_FAILED', message, {
    details: { provider: 'llama', modelPath: config.modelPath, retryable: false },
    cause: error,
  });
}
