import { describe, expect, it } from '@jest/globals';
import { TimeZone, toValidationIssue, VALIDATION_RULES } from '@pourline/contracts';
import { createTranslator } from '../i18n/translator';
import { describeIssue } from './issueWords';

const english = createTranslator('en');
const chinese = createTranslator('zh-CN');
const SERVER_WORDS = 'THE SERVER SENTENCE';

describe(describeIssue.name, () => {
  it.each(VALIDATION_RULES)(
    'words the named rule %s (with its bound) in both languages, not with the server sentence',
    (rule) => {
      for (const t of [english, chinese]) {
        const words = describeIssue(
          { code: 'custom', rule, path: 'remarks', message: SERVER_WORDS, minimum: 10, maximum: 10 },
          t,
        );
        expect(words).not.toContain(SERVER_WORDS);
        expect(words.length).toBeGreaterThan(5);
      }
    },
  );

  it('words a schema refinement as it reaches the console, in Chinese', () => {
    const parsed = TimeZone.safeParse('Mars/Olympus_Mons');
    expect(parsed.success).toBe(false);
    const issue = toValidationIssue(parsed.error!.issues[0]);
    expect(issue.rule).toBe('unknown_time_zone');
    expect(describeIssue(issue, chinese)).toContain('不是已知的时区');
  });
});
