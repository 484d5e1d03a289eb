/**
 * Cues the person hears (and feels) while the phone is against the body and the screen cannot
 * be seen (SPEC section 1): countdown, "go" (t = 0) and the end, each with its own sound.
 *
 * Web Audio beeps are the timing marks: they start within a few ms of the call. Speech
 * (speechSynthesis) adds the words ("5", "4" ... and how the trial ended); it can start
 * late, so it never marks "go". Vibration where `navigator.vibrate` exists (not on iOS).
 * Every part is feature-detected and silently absent where missing; a cue never throws.
 *
 * iOS and Chrome start an AudioContext only from a user gesture: create the cues inside the
 * Start tap (browserCues does `resume()` there).
 */
import type { EndReason } from '../session/types';

export interface TrialCues {
  countdown(secondsLeft: number): void;
  go(): void;
  end(reason: EndReason): void;
}

/** The cues of a training session: a trial's, plus words of its own and the rest's tick. */
export interface SessionCues extends TrialCues {
  /** Speaks `text` (cutting off any word still being said). */
  say(text: string): void;
  /** One short beep: a second of the rest that is not spoken. */
  tick(): void;
}

/** A tone: frequency (Hz), when to start after the call (s) and how long (s). */
export interface Tone {
  hz: number;
  atS: number;
  durationS: number;
}

/**
 * The sounds, each distinct so that the person knows without looking:
 * countdown = one short mid beep; a rest's tick = a shorter, lower one; go = one long high beep; completed = a rising three-note
 * chord; any other end = a falling two-note figure.
 */
export const CUE_TONES = {
  countdown: [{ hz: 660, atS: 0, durationS: 0.12 }],
  tick: [{ hz: 520, atS: 0, durationS: 0.05 }],
  go: [{ hz: 1320, atS: 0, durationS: 0.45 }],
  completed: [
    { hz: 660, atS: 0, durationS: 0.18 },
    { hz: 880, atS: 0.2, durationS: 0.18 },
    { hz: 1320, atS: 0.4, durationS: 0.4 },
  ],
  ended: [
    { hz: 880, atS: 0, durationS: 0.25 },
    { hz: 440, atS: 0.3, durationS: 0.5 },
  ],
} satisfies Record<string, Tone[]>;

/** Vibration patterns, ms (on, off, on ...). */
export const CUE_VIBRATION_MS = {
  countdown: [80],
  go: [400],
  end: [250, 120, 250, 120, 250],
} satisfies Record<string, number[]>;

/** What is spoken at the end, per reason. */
export const END_WORDS: Record<EndReason, string> = {
  completed: 'Time. Well done.',
  touchdown: 'Foot down.',
  stopped: 'Stopped.',
  hidden: 'Interrupted.',
  'sensor-silent': 'Interrupted: no sensor data.',
};

/** The parts of `window` the cues use; each may be missing. */
export interface CueWindow {
  AudioContext?: new () => AudioContextLike;
  webkitAudioContext?: new () => AudioContextLike;
  speechSynthesis?: { speak(utterance: unknown): void; cancel(): void };
  SpeechSynthesisUtterance?: new (text: string) => unknown;
  navigator?: { vibrate?: (pattern: number[]) => boolean };
}

/** The part of AudioContext used here. */
export interface AudioContextLike {
  readonly currentTime: number;
  readonly destination: unknown;
  resume(): Promise<void>;
  createOscillator(): {
    frequency: { value: number };
    connect(node: unknown): unknown;
    start(when: number): void;
    stop(when: number): void;
  };
  createGain(): {
    gain: {
      setValueAtTime(value: number, at: number): unknown;
      linearRampToValueAtTime(value: number, at: number): unknown;
    };
    connect(node: unknown): unknown;
  };
}

/** Peak loudness of a beep (0..1) and its fade in/out, s: short ramps avoid clicks. */
const BEEP_GAIN = 0.6;
const BEEP_RAMP_S = 0.01;

function playTones(audio: AudioContextLike | null, tones: readonly Tone[]): void {
  if (!audio) return;
  const now = audio.currentTime;
  for (const tone of tones) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    const start = now + tone.atS;
    const stop = start + tone.durationS;
    oscillator.frequency.value = tone.hz;
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(BEEP_GAIN, start + BEEP_RAMP_S);
    gain.gain.setValueAtTime(BEEP_GAIN, stop - BEEP_RAMP_S);
    gain.gain.linearRampToValueAtTime(0, stop);
    oscillator.connect(gain);
    gain.connect(audio.destination);
    oscillator.start(start);
    oscillator.stop(stop);
  }
}

/** Runs a cue part and swallows its failure: a missing sound must not end a trial. */
function quietly(part: () => void): void {
  try {
    part();
  } catch {
    // The platform refused (autoplay policy, no voices, no vibration motor): stay silent.
  }
}

/**
 * The browser's cues. Call inside the Start tap: the AudioContext is created and resumed
 * there. Where nothing is available the cues do nothing.
 */
export function browserCues(win: CueWindow = window as unknown as CueWindow): SessionCues {
  let audio: AudioContextLike | null = null;
  quietly(() => {
    const Ctor = win.AudioContext ?? win.webkitAudioContext;
    if (Ctor) {
      audio = new Ctor();
      void audio.resume().catch(() => undefined);
    }
  });
  const speak = (text: string): void =>
    quietly(() => {
      const synth = win.speechSynthesis;
      const Utterance = win.SpeechSynthesisUtterance;
      if (!synth || !Utterance) return;
      synth.cancel(); // a late word must not run into the next one
      synth.speak(new Utterance(text));
    });
  const vibrate = (pattern: number[]): void => quietly(() => void win.navigator?.vibrate?.(pattern));
  const beep = (tones: readonly Tone[]): void => quietly(() => playTones(audio, tones));

  return {
    say: speak,
    tick: () => beep(CUE_TONES.tick),
    countdown(secondsLeft: number): void {
      beep(CUE_TONES.countdown);
      speak(String(secondsLeft));
      vibrate(CUE_VIBRATION_MS.countdown);
    },
    go(): void {
      beep(CUE_TONES.go);
      vibrate(CUE_VIBRATION_MS.go);
    },
    end(reason: EndReason): void {
      beep(reason === 'completed' ? CUE_TONES.completed : CUE_TONES.ended);
      speak(END_WORDS[reason]);
      vibrate(CUE_VIBRATION_MS.end);
    },
  };
}

/** Cues that do nothing (tests, benchmarks). */
export const silentCues: SessionCues = {
  say: () => undefined,
  tick: () => undefined,
  countdown: () => undefined,
  go: () => undefined,
  end: () => undefined,
};
