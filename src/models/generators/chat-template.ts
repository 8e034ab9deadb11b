/**
 * Chat templates turn chat messages into the one prompt string a model was trained on, for
 * servers whose native routes take a prompt (TGI `/generate_stream`). They are Jinja, as in a
 * model's `tokenizer_config.json`, and render with `@huggingface/jinja`. Three common formats
 * ship by name; any model's own template can be given as a file.
 * @module
 */
import { readFileSync } from 'node:fs';
import { Template } from '@huggingface/jinja';
import { MarkwerkError } from '../../core/errors.js';
import type { ChatMessage } from './generator.js';

const builtInTemplates = {
  chatml:
    '{% for message in messages %}<|im_start|>{{ message.role }}\n{{ message.content }}' +
    '<|im_end|>\n{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}',
  llama3:
    '{{ bos_token }}{% for message in messages %}<|start_header_id|>{{ message.role }}' +
    '<|end_header_id|>\n\n{{ message.content | trim }}<|eot_id|>{% endfor %}' +
    '{% if add_generation_prompt %}<|start_header_id|>assistant<|end_header_id|>\n\n{% endif %}',
  mistral:
    '{{ bos_token }}{% set system = "" %}{% for message in messages %}' +
    '{% if message.role == "system" %}{% set system = message.content + "\n\n" %}' +
    '{% elif message.role == "user" %}[INST] {{ system }}{{ message.content }} [/INST]' +
    '{% set system = "" %}{% else %}{{ message.content }}{{ eos_token }}{% endif %}{% endfor %}',
} as const;

export const builtInChatTemplates = Object.keys(builtInTemplates);

export interface ChatTemplateSource {
  template: string;
  bosToken: string;
  eosToken: string;
}

/**
 * A template by built-in name (`chatml`, `llama3`, `mistral`), or read from a file: a model's
 * `tokenizer_config.json` (its `chat_template`, `bos_token` and `eos_token`) or a plain
 * `.jinja` file.
 */
export function chatTemplateSource(nameOrFile: string): ChatTemplateSource {
  if (nameOrFile in builtInTemplates) {
    const template = builtInTemplates[nameOrFile as keyof typeof builtInTemplates];
    const tokens =
      nameOrFile === 'llama3'
        ? { bosToken: '<|begin_of_text|>', eosToken: '<|eot_id|>' }
        : { bosToken: '<s>', eosToken: '</s>' };
    return { template, ...tokens };
  }

  let text: string;
  try {
    text = readFileSync(nameOrFile, 'utf8');
  } catch (error) {
    throw new MarkwerkError(
      'TEMPLATE_INVALID',
      `Chat template "${nameOrFile}" is neither a built-in (${builtInChatTemplates.join(', ')}) ` +
        'nor a readable file; give a name or the path of tokenizer_config.json or a .jinja file.',
      { details: { chatTemplate: nameOrFile }, cause: error },
    );
  }
  if (!nameOrFile.endsWith('.json')) return { template: text, bosToken: '', eosToken: '' };

  let config: { chat_template?: unknown; bos_token?: unknown; eos_token?: unknown };
  try {
    config = JSON.parse(text) as typeof config;
  } catch (error) {
    throw new MarkwerkError(
      'TEMPLATE_INVALID',
      `${nameOrFile} is not valid JSON (${(error as Error).message}); give the model's ` +
        'tokenizer_config.json, a .jinja file or a built-in name.',
      { details: { chatTemplate: nameOrFile }, cause: error },
    );
  }
  if (typeof config.chat_template !== 'string') {
    throw new MarkwerkError(
      'TEMPLATE_INVALID',
      `${nameOrFile} has no chat_template string; use a built-in name or a .jinja file.`,
      { details: { chatTemplate: nameOrFile } },
    );
  }
  return {
    template: config.chat_template,
    bosToken: tokenText(config.bos_token),
    eosToken: tokenText(config.eos_token),
  };
}

/** Compiles a template once and returns the function that renders messages with it. */
export function chatRenderer(source: ChatTemplateSource): (messages: ChatMessage[]) => string {
  const template = new Template(source.template);
  return (messages) =>
    template.render({
      messages,
      bos_token: source.bosToken,
      eos_token: source.eosToken,
      add_generation_prompt: true,
    });
}

/** Special tokens are strings, or objects with `content` in older tokenizer configs. */
function tokenText(token: unknown): string {
  if (typeof token === 'string') return token;
  if (token && typeof token === 'object' && 'content' in token) {
    return String((token as { content: unknown }).content);
  }
  return '';
}
