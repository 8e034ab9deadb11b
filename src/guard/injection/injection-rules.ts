/**
 * Prompt-injection rules in English and German: each a pattern and a weight, the
 * probability-like contribution of one match to the text's injection score.
 * @module
 */

export interface InjectionRule {
  id: string;
  pattern: RegExp;
  weight: number;
  /** Only in retrieved text, where any instruction to the assistant is out of place. */
  retrievedOnly?: boolean;
  /** Too common alone ("System: 2.4 kg"); reported only beside a stronger hit. */
  weak?: boolean;
  /** Lower-case substrings of which one must occur before the pattern is tried (speed). */
  triggers: readonly string[];
  /**
   * Every match holds a trigger and spans at most this many words on either side of it, so
   * the pattern only runs on those words (speed). Unset for patterns with `^`, `$` or an
   * unbounded run of words, which run on the whole text.
   */
  reach?: number;
}

const previous =
  '(?:all|any|every|previous|prior|above|earlier|preceding|initial|original|system|your|' +
  'the\\s+above)';
const orders =
  '(?:instructions?|prompts?|rules|directions|guidelines|directives|commands|context|constraints)';
const vorherige =
  '(?:alle[nrs]?|vorherige[nrs]?|vorigen?|bisherige[nrs]?|obige[nrs]?|frühere[nrs]?|' +
  'deine[nr]?|ihre[nr]?|sämtliche[nr]?|system\\w*)';
const anweisungen =
  '(?:anweisungen|instruktionen|befehle|vorgaben|regeln|richtlinien|prompts?|systemprompt|' +
  'einschränkungen)';

/** The rules, case-insensitive; `u` flag so German letters count as word characters. */
export const injectionRules: InjectionRule[] = [
  {
    id: 'injection.ignore-previous',
    triggers: ['ignore', 'disregard', 'forget', 'override', 'bypass', 'skip', 'drop'],
    weight: 0.9,
    pattern: new RegExp(
      `\\b(?:ignore|disregard|forget|override|bypass|skip|drop)\\s+(?:\\w+\\s+){0,2}?${previous}` +
        `\\s+(?:\\w+\\s+){0,2}?${orders}\\b`,
      'giu',
    ),
  },
  {
    id: 'injection.ignore-previous',
    triggers: [
      'ignorier',
      'vergiss',
      'vergesst',
      'vergessen',
      'missacht',
      'übergeh',
      'überschreib',
      'verwerf',
      'verwirf',
    ],
    weight: 0.9,
    pattern: new RegExp(
      `(?<![\\p{L}])(?:ignorier\\w*|vergiss|vergesst|vergessen\\s+sie|missachte\\w*|übergeh\\w*|` +
        `überschreib\\w*|verwirf|verwerfen\\s+sie)\\s+(?:[\\p{L}]+\\s+){0,2}?${vorherige}` +
        `\\s+(?:[\\p{L}]+\\s+){0,2}?${anweisungen}(?![\\p{L}])`,
      'giu',
    ),
  },
  {
    id: 'injection.role-hijack',
    triggers: ['you are now', 'from now on', 'pretend', 'act as', 'mode', 'your new'],
    weight: 0.75,
    pattern: new RegExp(
      [
        String.raw`\b(?:you\s+are\s+now\s+`,
        String.raw`(?:an?\s+(?:unrestricted|unfiltered|uncensored|evil|rogue|different|new)`,
        String.raw`|DAN|no\s+longer|free\s+(?:of|from)|in\s+\w+\s+mode|jailbroken|my)`,
        String.raw`|from\s+now\s+on,?\s+you\s+`,
        String.raw`(?:are\s+(?:an?\s+)?(?:DAN|unrestricted|free|no\s+longer|my|not)`,
        String.raw`|will\s+(?:act|respond|answer|ignore|only|always|never)|must|act\s+as)`,
        String.raw`|pretend\s+(?:to\s+be|you\s+are|that\s+you)`,
        String.raw`|act\s+as\s+(?:an?\s+)?(?:unrestricted|unfiltered|uncensored|jailbroken|evil)`,
        String.raw`|(?:enter|switch\s+to|enable)\s+(?:developer|god|admin|debug)\s+mode`,
        String.raw`|your\s+new\s+(?:role|persona|instructions)\s+(?:is|are))`,
      ].join(''),
      'giu',
    ),
  },
  {
    id: 'injection.role-hijack',
    triggers: ['du bist', 'ab jetzt', 'ab sofort', 'tu so', 'rolle', 'modus'],
    weight: 0.75,
    pattern: new RegExp(
      [
        String.raw`(?<![\p{L}])(?:du\s+bist\s+(?:jetzt|nun|ab\s+sofort|ab\s+jetzt|von\s+nun\s+an)`,
        String.raw`\s+(?:ein[e]?\s+)?(?:\p{L}+\s+)?`,
        String.raw`(?:KI|Assistent\w*|Bot|Modell|DAN|frei|ohne|nicht\s+mehr`,
        String.raw`|unzensiert\w*|böse\w*)`,
        String.raw`|ab\s+(?:jetzt|sofort)\s+(?:bist|agierst|verhältst|antwortest)\s+du`,
        String.raw`|tu\s+so,?\s+als\s+(?:ob|wärst)`,
        String.raw`|spiel[e]?\s+(?:ab\s+jetzt\s+)?die\s+Rolle`,
        String.raw`|deine\s+neue\s+Rolle`,
        String.raw`|(?:aktiviere|wechsle\s+in)\s+(?:den\s+)?(?:Entwickler|Admin|Debug|Gott)modus)`,
      ].join(''),
      'giu',
    ),
  },
  {
    id: 'injection.system-prompt-exfiltration',
    triggers: ['prompt', 'instructions', 'rules', 'message', 'configuration', 'above'],
    weight: 0.8,
    pattern: new RegExp(
      [
        String.raw`\b(?:reveal|show|print|repeat|output|display|tell\s+me|give\s+me|leak|dump`,
        String.raw`|write\s+out|what\s+(?:is|are|were))\s+(?:me\s+)?(?:your|the)\s+`,
        String.raw`(?:(?:system|initial|original|hidden|secret|full|exact)\s+)+`,
        String.raw`(?:prompt|instructions|rules|message|configuration)\b`,
        String.raw`|\brepeat\s+(?:the\s+|all\s+|everything\s+)?(?:text|words|everything)\s+above\b`,
        String.raw`|\byour\s+system\s+prompt\b`,
      ].join(''),
      'giu',
    ),
  },
  {
    id: 'injection.system-prompt-exfiltration',
    triggers: ['prompt', 'anweisungen', 'instruktionen', 'regeln', 'konfiguration'],
    weight: 0.8,
    pattern: new RegExp(
      [
        String.raw`(?<![\p{L}])(?:zeig\w*|nenn\w*|gib|verrat\w*|wiederhol\w*|gib\s+\w+\s+aus`,
        String.raw`|druck\w*|ausgeben)\s+(?:mir\s+|uns\s+)?(?:deinen|deine|den|die|ihren|ihre)\s+`,
        String.raw`(?:(?:system\w*|ursprünglich\w*|versteckt\w*|geheim\w*|vollständig\w*`,
        String.raw`|genau\w*)\s+)+(?:prompt|anweisungen|instruktionen|regeln|konfiguration)`,
        String.raw`|(?<![\p{L}])(?:dein\w*|ihr\w*|den)\s+Systemprompt`,
      ].join(''),
      'giu',
    ),
  },
  // Three rules with one id: "end" in "weekend" or "recommend" used to send every text
  // through the whole alternation; BEGIN/END markers are now found by their second word.
  {
    id: 'injection.delimiter',
    triggers: ['<', '[inst', '[/inst', '```'],
    weight: 0.7,
    pattern: new RegExp(
      [
        String.raw`<\/?\s*(?:system|assistant|user|instructions?|im_start|im_end)\s*>`,
        String.raw`|<\|[a-z_]{2,20}\|>|\[\/?INST\]|<<\/?SYS>>`,
        '|```\\s*system\\b',
      ].join(''),
      'gimu',
    ),
  },
  {
    id: 'injection.delimiter',
    triggers: ['##'],
    weight: 0.7,
    pattern: new RegExp(
      [
        String.raw`^#{2,}\s*`,
        String.raw`(?:instructions?|system|new\s+instructions|anweisung(?:en)?|systemanweisung)`,
        String.raw`\s*(?::|$)`,
      ].join(''),
      'gimu',
    ),
  },
  {
    id: 'injection.delimiter',
    reach: 4,
    triggers: ['prompt', 'instructions'],
    weight: 0.7,
    pattern: /\b(?:BEGIN|END)\s+(?:SYSTEM\s+)?(?:PROMPT|INSTRUCTIONS)\b/gimu,
  },
  {
    id: 'injection.role-label',
    weak: true,
    triggers: ['system', 'assistant', 'developer'],
    weight: 0.45,
    retrievedOnly: true,
    pattern: /^\s*(?:system|assistant|developer)\s*:/gimu,
  },
  // Three rules with one id, each triggered only by words its own matches contain: one
  // pattern triggered by "without", "no " and "keine" ran over nearly every text.
  {
    id: 'injection.do-anything-now',
    reach: 10,
    triggers: ['anything', 'mode', 'jailbreak', 'uncensored'],
    weight: 0.85,
    pattern: /\bdo\s+anything\s+now\b|\bDAN\s+mode\b|\bjailbreak(?:ed|ing)?\b|\buncensored\b/giu,
  },
  {
    id: 'injection.do-anything-now',
    reach: 10,
    triggers: ['restrictions', 'filters', 'guidelines', 'limits', 'censorship'],
    weight: 0.85,
    pattern: new RegExp(
      [
        String.raw`\b(?:answer|respond|reply|talk|speak|write|act|operate)\w*\s+(?:\w+\s+){0,3}?`,
        String.raw`(?:without|with\s+no)\s+(?:any\s+)?`,
        String.raw`(?:restrictions|filters|guidelines|limits|censorship)\b`,
      ].join(''),
      'giu',
    ),
  },
  {
    id: 'injection.do-anything-now',
    reach: 10,
    triggers: ['einschränkungen', 'filter', 'zensur', 'regeln', 'unzensiert'],
    weight: 0.85,
    pattern: new RegExp(
      [
        String.raw`(?<![\p{L}])(?:antworte|schreib|sprich|agier|handle)\p{L}*\s+`,
        String.raw`(?:\p{L}+\s+){0,3}?(?:ohne|keine)\s+(?:jegliche[n]?\s+)?`,
        String.raw`(?:Einschränkungen|Filter|Zensur|Regeln)(?![\p{L}])`,
        String.raw`|(?<![\p{L}])unzensiert\w*`,
      ].join(''),
      'giu',
    ),
  },
  {
    id: 'injection.address-assistant',
    reach: 10,
    triggers: [
      ' ai',
      'ai ',
      'ai:',
      'ai,',
      'assistant',
      'model',
      'llm',
      'chatbot',
      'ki ',
      'ki:',
      'ki,',
      'ki.',
      'ki!',
      'assistent',
      'sprachmodell',
    ],
    weight: 0.55,
    retrievedOnly: true,
    pattern: new RegExp(
      [
        String.raw`\b(?:note|message|instruction)\s+(?:to|for)\s+(?:the\s+)?`,
        String.raw`(?:AI|assistant|model|LLM|chatbot)\b`,
        String.raw`|\bif\s+you\s+are\s+an?\s+(?:AI|language\s+model|assistant|LLM)\b`,
        String.raw`|\b(?:AI|assistant|chatbot)s?\s*[:,]\s*(?:please\s+)?`,
        String.raw`(?:ignore|respond|answer|say|output|include|recommend|tell)\b`,
        String.raw`|(?<![\p{L}])(?:Hinweis|Anweisung|Nachricht)\s+(?:an|für)\s+(?:die\s+|den\s+)?`,
        String.raw`(?:KI|Assistent\w*|Sprachmodell|Chatbot)`,
        String.raw`|(?<![\p{L}])wenn\s+du\s+eine?\s+(?:KI|Sprachmodell|Assistent\w*)\s+bist`,
      ].join(''),
      'giu',
    ),
  },
  {
    id: 'injection.exfiltration-link',
    triggers: ['](http', 'send', 'post', 'forward', 'upload'],
    weight: 0.75,
    pattern: new RegExp(
      [
        // Linear on long URLs: the host stops at the first "?", the query at the first
        // "=" that opens a placeholder, so no part can trade characters with another.
        String.raw`!\[[^\]\n]{0,300}\]\(https?:\/\/[^)\s?]+\?`,
        String.raw`(?:[^)\s=]|=(?!\{|%7B|\$))*=(?:\{|%7B|\$)[^)\s]*\)`,
        String.raw`|\b(?:send|post|forward|upload)\s+(?:the\s+|this\s+|all\s+)?`,
        String.raw`(?:conversation|chat|data|history|messages?|user\s+data)`,
        String.raw`\s+to\s+(?:https?:\/\/|\S+@)`,
      ].join(''),
      'giu',
    ),
  },
];
