/**
 * The live feedback's sound (Web Audio): one sine oscillator -> gain -> stereo panner ->
 * speakers, started silent and steered by the pure mapping (src/training/feedback.ts): the
 * pan, the oscillator's frequency and the gain each move to their new value with
 * `setTargetAtTime`, so 60 updates a second sound smooth, without clicks.
 *
 * Create it inside the Start tap: iOS and Chrome start an AudioContext only from a user
 * gesture. It never throws: where Web Audio is missing, refuses, or stays suspended, every
 * call does nothing and `status` says why, for the page to tell the person. Whether the phone
 * is muted (the iOS ring/silent switch mutes Web Audio) no web API tells: the page asks the
 * person to check the volume instead (docs/training.md).
 */
import type { FeedbackSound } from '../training/feedback';

/**
 * Time constant of every parameter change, s: the value covers 63 % of the way in 5 ms, 95 %
 * in 15 ms. Shorter clicks audibly at a 60 Hz update rate, longer lags the sway; it is not
 * part of the 50 ms budget (the change starts at the scheduled time; docs/training.md).
 */
export const FEEDBACK_SMOOTHING_S = 0.005;

export interface AudioParamLike {
  value: number;
  setTargetAtTime(target: number, startTime: number, timeConstant: number): unknown;
}

interface NodeLike {
  connect(node: unknown): unknown;
}

/** The part of AudioContext used here. */
export interface FeedbackContextLike {
  readonly currentTime: number;
  readonly destination: unknown;
  readonly state?: string;
  resume(): Promise<void>;
  close?(): Promise<void>;
  createOscillator(): NodeLike & {
    type: string;
    frequency: AudioParamLike;
    start(when?: number): void;
    stop(when?: number): void;
  };
  createGain(): NodeLike & { gain: AudioParamLike };
  createStereoPanner?(): NodeLike & { pan: AudioParamLike };
}

export interface FeedbackAudioWindow {
  AudioContext?: new () => FeedbackContextLike;
  webkitAudioContext?: new () => FeedbackContextLike;
}

/**
 * 'ready': playing; 'no-pan': playing without left/right (a browser without StereoPannerNode);
 * 'blocked': the browser keeps the sound suspended; 'unavailable': no Web Audio, or it failed.
 */
export type FeedbackAudioStatus = 'ready' | 'no-pan' | 'blocked' | 'unavailable';

/** What the page says for each status (null: nothing to say). */
export const FEEDBACK_STATUS_WORDS: Record<FeedbackAudioStatus, string | null> = {
  ready: null,
  'no-pan': 'This browser cannot place the sound left or right: the feedback tells the distance only.',
  blocked: 'The browser holds the sound back: tap the page, or check that sound is allowed for it.',
  unavailable: 'No sound is available in this browser: the sets run and are measured without feedback.',
};

export interface AudioFeedback {
  readonly status: FeedbackAudioStatus;
  /** Steers the sound towards `sound` from now. */
  play(sound: FeedbackSound): void;
  /** Fades to silence (between sets, at the end). */
  silence(): void;
  /** Stops the oscillator and closes the context. */
  close(): void;
}

/** Does nothing: no Web Audio, feedback off, tests. */
export const silentFeedback: AudioFeedback = {
  status: 'unavailable',
  play: () => undefined,
  silence: () => undefined,
  close: () => undefined,
};

function attempt(part: () => void): boolean {
  try {
    part();
    return true;
  } catch {
    return false;
  }
}

/**
 * The feedback's sound. `onScheduled` (the benchmark's hook) is called right after each
 * scheduled change, with the sound.
 */
export function createAudioFeedback(
  win: FeedbackAudioWindow = window as unknown as FeedbackAudioWindow,
  onScheduled?: (sound: FeedbackSound) => void,
): AudioFeedback {
  let context: FeedbackContextLike | null = null;
  let oscillator: ReturnType<FeedbackContextLike['createOscillator']> | null = null;
  let gain: AudioParamLike | null = null;
  let pan: AudioParamLike | null = null;
  let status: FeedbackAudioStatus = 'unavailable';
  const built = attempt(() => {
    const Ctor = win.AudioContext ?? win.webkitAudioContext;
    if (!Ctor) return;
    const audio = new Ctor();
    const osc = audio.createOscillator();
    const level = audio.createGain();
    osc.type = 'sine';
    level.gain.value = 0;
    osc.connect(level);
    const panner = audio.createStereoPanner?.();
    if (panner) {
      level.connect(panner);
      panner.connect(audio.destination);
      pan = panner.pan;
    } else {
      level.connect(audio.destination);
    }
    osc.start();
    context = audio;
    oscillator = osc;
    gain = level.gain;
    status = pan ? 'ready' : 'no-pan';
    const ready = status;
    void audio.resume().then(
      () => void (status = audio.state === undefined || audio.state === 'running' ? ready : 'blocked'),
      () => void (status = 'blocked'),
    );
    if (audio.state === 'suspended') status = 'blocked';
  });
  if (!built) status = 'unavailable';

  const schedule = (sound: FeedbackSound): void => {
    const audio = context;
    if (audio === null || oscillator === null || gain === null) return;
    const now = audio.currentTime;
    const ok = attempt(() => {
      gain?.setTargetAtTime(sound.gain, now, FEEDBACK_SMOOTHING_S);
      oscillator?.frequency.setTargetAtTime(sound.pitchHz, now, FEEDBACK_SMOOTHING_S);
      pan?.setTargetAtTime(sound.pan, now, FEEDBACK_SMOOTHING_S);
    });
    if (ok) onScheduled?.(sound);
  };

  return {
    get status() {
      return status;
    },
    play: schedule,
    silence: () =>
      void attempt(() => {
        if (context !== null) gain?.setTargetAtTime(0, context.currentTime, FEEDBACK_SMOOTHING_S);
      }),
    close() {
      attempt(() => oscillator?.stop());
      const audio = context;
      context = null;
      oscillator = null;
      status = 'unavailable';
      void attempt(() => void audio?.close?.().catch(() => undefined));
    },
  };
}
