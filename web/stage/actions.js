// The toolbar's actions by name: what a `data-action` button's click or its key does (one
// switch, over the parts of the page it is given), once the class link allows it.

import { language, setLanguage } from '../i18n/index.js';
import { allowed, openClassLink } from '../share/classlink.js';
import { downloadRun, downloadTrace } from '../share/files.js';
import { handMoved, stopLessonPlay, toggleLessonPlay } from './lessonplay.js';
import { presenting, setPresenting, stageAction } from './presenter.js';
import { showMessage, shown } from './status.js';
import { viewSettings } from './view.js';

/** d: {engine(), api(), share(), setPlaying(on), loadFromSettings(fresh), refit(),
 *  refreshLanguage(), showFailure(error), compare(on)}. Returns act(action). */
export function createActions(d) {
  return function act(action) {
    if (!allowed(action, showMessage)) return;
    switch (action) {
      case 'step':
        handMoved();
        d.engine().request('step', 1).catch(d.showFailure);
        break;
      case 'substep':
        handMoved();
        d.engine().request('substep').catch(d.showFailure);
        break;
      case 'lesson-play':
        if (shown.playing) d.setPlaying(false);
        toggleLessonPlay();
        break;
      case 'play':
        stopLessonPlay();
        d.setPlaying(!shown.playing);
        break;
      case 'reset':
        stopLessonPlay();
        d.api().reset().catch(d.showFailure);
        break;
      case 'seed':
        d.loadFromSettings(true);
        break;
      case 'export':
        d.engine()
          .request('export')
          .then((doc) => doc && downloadTrace(doc))
          .catch(d.showFailure);
        break;
      case 'lang':
        setLanguage(language() === 'ja' ? 'en' : 'ja');
        d.refreshLanguage();
        break;
      case 'save':
        d.api().save().then(downloadRun).catch(d.showFailure);
        break;
      case 'back':
        handMoved();
        d.api().back().catch(d.showFailure);
        break;
      case 'present':
        setPresenting(!presenting());
        d.engine().command('view', viewSettings());
        d.refit();
        d.share().update(true);
        break;
      case 'compare':
      case 'compare-stop':
        d.compare(action === 'compare');
        break;
      case 'class-link':
        openClassLink(d.share().linkFor).catch(d.showFailure);
        break;
      default:
        if (stageAction(action)) d.refit();
        break;
    }
  };
}
