// Lesson play, for a teacher who narrates: the run goes on by one sub-step every few seconds
// (the pace menu beside the button), each with its lesson text, until the button or its key
// (A) stops it. Play and Reset stop it too; a sub-step, step or back by hand starts the count
// again, so the class has the whole pause on the new state. A step that fails stops it.

import { t } from '../i18n/index.js';
import { onLanguage } from './events.js';

const $ = (id) => document.getElementById(id);

/** The pending sub-step's timer while lesson play is on, else null. */
let timer = null;
/** d: {substep() → a promise of the sub-step, fail(error)}. */
let d = null;

/** Whether lesson play is on. */
const lessonPlaying = () => timer != null;

/** The pause between two sub-steps, in ms (the pace menu's seconds). */
const pause = () => 1000 * Number($('lesson-pace').value || 5);

function render() {
  const b = document.querySelector('[data-action="lesson-play"]');
  b.textContent = lessonPlaying() ? t('btnLessonStop') : t('btnLessonPlay');
  b.setAttribute('aria-pressed', String(lessonPlaying()));
}

/** Waits the pause, then takes the next sub-step and waits again. */
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(() => {
    d.substep().then(
      () => lessonPlaying() && schedule(),
      (e) => {
        stopLessonPlay();
        d.fail(e);
      },
    );
  }, pause());
}

/** Starts or stops lesson play. */
export function toggleLessonPlay() {
  if (lessonPlaying()) stopLessonPlay();
  else {
    timer = -1;
    schedule();
    render();
  }
}

/** Stops lesson play (nothing when it is off). */
export function stopLessonPlay() {
  if (!lessonPlaying()) return;
  clearTimeout(timer);
  timer = null;
  render();
}

/** A move by hand: the next automatic sub-step waits a whole pause from now. */
export function handMoved() {
  if (lessonPlaying()) schedule();
}

/** Connects lesson play to the engine's sub-step (d: {substep, fail}). */
export function initLessonPlay(deps) {
  d = deps;
  $('lesson-pace').addEventListener('change', handMoved);
  render();
  onLanguage(render);
}
