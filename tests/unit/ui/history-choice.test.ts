/** The history list's choice of trials for an export: pure set operations and what the list says. */
import { describe, expect, it } from 'vitest';
import {
  chooseAll,
  choiceCount,
  choiceFromText,
  choiceLabel,
  choiceToText,
  NO_CHOICE,
  toggleChoice,
} from '../../../src/ui/history-model';

const listed = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

describe('the choice of trials', () => {
  it('adds and takes out one trial, leaving the set it was given unchanged', () => {
    const one = toggleChoice(NO_CHOICE, 'b', true);
    expect([...one]).toEqual(['b']);
    expect(NO_CHOICE.size).toBe(0);
    expect(toggleChoice(one, 'b', true)).toBe(one); // already chosen: the same set
    const none = toggleChoice(one, 'b', false);
    expect(none.size).toBe(0);
    expect([...one]).toEqual(['b']);
  });

  it('chooses all listed trials, keeping those chosen elsewhere (another person, another filter)', () => {
    const other = toggleChoice(NO_CHOICE, 'z', true);
    const all = chooseAll(other, listed);
    expect([...all].sort()).toEqual(['a', 'b', 'c', 'z']);
    expect(chooseAll(all, listed)).toBe(all);
    expect(choiceCount(all, listed)).toEqual({ chosen: 4, chosenListed: 3, listed: 3 });
  });

  it('says how many are chosen, and how many of them the list does not show', () => {
    expect(choiceLabel(choiceCount(NO_CHOICE, listed))).toBe('No trials chosen');
    const one = toggleChoice(NO_CHOICE, 'a', true);
    expect(choiceLabel(choiceCount(one, listed))).toBe('1 trial chosen');
    const three = chooseAll(NO_CHOICE, listed);
    expect(choiceLabel(choiceCount(three, listed))).toBe('3 trials chosen');
    // Two chosen here, one of another person: 3 chosen, 1 not in this list.
    const mixed = toggleChoice(toggleChoice(one, 'b', true), 'z', true);
    expect(choiceLabel(choiceCount(mixed, listed))).toBe('3 trials chosen, 1 of them not in this list');
  });

  it('keeps as text and reads back; anything empty or missing is no choice', () => {
    const ids = ['0b6f0c1e-58c4-4c36-9a55-3f1ad0e4d0a1', 'mh0x1k-4f9a2b7c'];
    const choice = chooseAll(
      NO_CHOICE,
      ids.map((id) => ({ id })),
    );
    expect([...choiceFromText(choiceToText(choice))]).toEqual(ids);
    expect(choiceFromText(null).size).toBe(0);
    expect(choiceFromText('').size).toBe(0);
    expect([...choiceFromText('a\n\nb\n')]).toEqual(['a', 'b']);
  });
});
