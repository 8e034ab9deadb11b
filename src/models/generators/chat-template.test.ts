import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chatRenderer, chatTemplateSource } from './chat-template.js';
import type { ChatMessage } from './generator.js';

const messages: ChatMessage[] = [
  { role: 'system', content: 'You write product copy.' },
  { role: 'user', content: 'Describe the jacket.' },
];

describe('chat templates', () => {
  it('says a tokenizer_config.json that is not JSON is not valid JSON', () => {
    const file = path.join(
      mkdtempSync(path.join(tmpdir(), 'chat-template-')),
      'tokenizer_config.json',
    );
    writeFileSync(file, '{"chat_template": ');
    expect(() => chatTemplateSource(file)).toThrow(/tokenizer_config\.json is not valid JSON/);
  });

  it('renders ChatML with the generation prompt open for the assistant', () => {
    const render = chatRenderer(chatTemplateSource('chatml'));
    expect(render(messages)).toBe(
      '<|im_start|>system\nYou write product copy.<|im_end|>\n' +
        '<|im_start|>user\nDescribe the jacket.<|im_end|>\n<|im_start|>assistant\n',
    );
  });

  it('renders Llama 3 headers with its begin-of-text token', () => {
    const prompt = chatRenderer(chatTemplateSource('llama3'))(messages);
    expect(prompt.startsWith('<|begin_of_text|><|start_header_id|>system')).toBe(true);
    expect(prompt.endsWith('<|start_header_id|>assistant<|end_header_id|>\n\n')).toBe(true);
  });

  it('folds the system message into the first Mistral instruction', () => {
    const prompt = chatRenderer(chatTemplateSource('mistral'))(messages);
    expect(prompt).toBe('<s>[INST] You write product copy.\n\nDescribe the jacket. [/INST]');
  });

  it("reads a model's tokenizer_config.json with object-style special tokens", () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'chat-template-'));
    const file = path.join(folder, 'tokenizer_config.json');
    const template =
      '{{ bos_token }}{% for m in messages %}<{{ m.role }}>{{ m.content }}{% endfor %}';
    writeFileSync(
      file,
      JSON.stringify({
        chat_template: template,
        bos_token: { content: '<bos>' },
        eos_token: '</s>',
      }),
    );
    expect(chatRenderer(chatTemplateSource(file))(messages)).toBe(
      '<bos><system>You write product copy.<user>Describe the jacket.',
    );
  });

  it('names the built-ins when a template is neither a name nor a file', () => {
    expect(() => chatTemplateSource('no-such-template')).toThrow(/chatml, llama3, mistral/);
  });
});
