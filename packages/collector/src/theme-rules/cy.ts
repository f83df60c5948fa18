// Welsh (cy) keyword rules for the default themes. MACHINE-WRITTEN: a machine wrote these words and no
// fluent Welsh speaker has checked them yet; please correct them (docs/learning.md says how). Welsh
// mutates the start of words (meddyginiaeth, feddyginiaeth), so common mutated forms are listed too.
import type {ThemeRules} from './types.js';

export const CY_RULES: ThemeRules = {
  locale: 'cy',
  machineWritten: true,
  themes: {
    'missed-or-late-visits': {
      words: ['hwyr', 'yn hwyr', 'colli', 'collwyd', 'methu', 'methwyd', 'heb ddod', 'ddim wedi dod', 'aros', 'arhosais', 'ar amser', 'brysio'],
      stems: ['hwyrni', 'prydlon'],
    },
    'continuity-of-carers': {
      words: ['yr un gofalwr', 'gofalwr newydd', 'gofalwyr newydd', 'gofalwyr gwahanol', 'dieithriaid', 'dieithryn', 'rota'],
      stems: ['parhad', 'cyfarwydd', 'anghyfarwydd'],
    },
    'staff-attitude': {
      words: ['caredig', 'garedig', 'caredigrwydd', 'anghwrtais', 'cwrtais', 'cyfeillgar', 'anghyfeillgar', 'hyfryd', 'amyneddgar', 'diamynedd', 'agwedd', 'gwên', 'gweiddi', 'diolch', 'parch', 'amharchus'],
      stems: ['tosturi', 'cymwynasgar', 'anghymwynasgar'],
    },
    communication: {
      words: ['dweud', 'ddweud', 'ffôn', 'ffonio', 'galwad', 'e-bost', 'llythyr', 'neges', 'diweddariad', 'esbonio', 'egluro', 'gwrando', 'iaith', 'cymraeg', 'cyfieithydd'],
      stems: ['cyfathreb', 'gwybodaeth', 'hysbys', 'camddeall'],
    },
    medicines: {
      words: ['tabled', 'tabledi', 'pilsen', 'pils', 'dos', 'presgripsiwn', 'fferyllfa', 'fferyllydd', 'inswlin', 'eli'],
      stems: ['meddygin', 'feddygin', 'moddion', 'foddion'],
    },
    'food-and-drink': {
      words: ['bwyd', 'fwyd', 'prydau', 'brecwast', 'cinio', 'swper', 'diod', 'diodydd', 'dŵr', 'ddŵr', 'bwydlen', 'llwglyd', 'sychedig', 'bwyta', 'fwyta', 'coginio', 'te'],
      stems: ['maeth', 'hydrad'],
    },
    'dignity-and-privacy': {
      words: ['urddas', 'preifatrwydd', 'preifat', 'cywilydd', 'embaras', 'llenni'],
      stems: ['urddas', 'cyfrinach', 'cywilyd'],
    },
    'personal-care': {
      words: ['golchi', 'ymolchi', 'bath', 'cawod', 'toiled', 'padiau', 'gwisgo', 'eillio', 'dannedd', 'gwallt', 'ewinedd'],
      stems: ['hylendid', 'anymataliaeth', 'ymatal'],
    },
    'choice-and-control': {
      words: ['dewis', 'ddewis', 'dewisiadau', 'penderfynu', 'penderfyniad', 'dymuniadau', 'trefn', 'amser gwely', 'cynllun gofal'],
      stems: ['annibyn', 'rheolaeth'],
    },
    'safety-and-safeguarding': {
      words: ['diogel', 'anniogel', 'diogelwch', 'perygl', 'peryglus', 'risg', 'niwed', 'brifo', 'clais', 'cleisiau', 'cwympo', 'syrthio', 'anaf', 'esgeulustod', 'cam-drin', 'ofn', 'ofnus', 'dwyn'],
      stems: ['diogel', 'esgeul', 'bygyth'],
    },
    cleanliness: {
      words: ['glân', 'lân', 'glanhau', 'budr', 'fudr', 'brwnt', 'frwnt', 'arogl', 'drewi', 'llwch', 'staen', 'llanast', 'menig', 'ffedog'],
      stems: ['glendid', 'haint', 'heintiau'],
    },
    activities: {
      words: ['gweithgaredd', 'gweithgareddau', 'diflas', 'trip', 'gêm', 'gemau', 'cerddoriaeth', 'canu', 'gardd', 'crefft', 'cwis', 'cerdded', 'unig', 'unigrwydd', 'cwmni', 'capel', 'eglwys'],
      stems: ['adloniant', 'ynysig'],
    },
    'money-and-fees': {
      words: ['arian', 'ffi', 'ffioedd', 'cost', 'costau', 'tâl', 'dâl', 'talu', 'bil', 'biliau', 'anfoneb', 'pris', 'ad-daliad', 'drud', 'taliadau uniongyrchol'],
      stems: ['ariann', 'anfoneb'],
    },
    equipment: {
      words: ['teclyn codi', 'cadair olwyn', 'ffrâm', 'gwely', 'matres', 'comôd', 'larwm', 'cloch', 'canllaw', 'wedi torri', 'ramp'],
      stems: ['offer', 'cyfarpar'],
    },
    'end-of-life-care': {
      words: ['diwedd oes', 'marw', 'marwolaeth', 'bu farw', 'hosbis', 'profedigaeth', 'angladd', 'dyddiau olaf', 'lliniarol'],
      stems: ['lliniar', 'profedig'],
    },
    'health-and-wellbeing': {
      words: ['meddyg', 'feddyg', 'nyrs', 'ysbyty', 'poen', 'sâl', 'tost', 'pwysau', 'dementia', 'hwyliau', 'iechyd', 'lles', 'iechyd meddwl'],
      stems: ['iechyd', 'ffisio', 'ambiwlans', 'diabet'],
    },
    'staffing-levels': {
      words: ['prinder staff', 'dim digon o staff', 'staff asiantaeth', 'asiantaeth', 'prysur', 'gorweithio', 'staffio'],
      stems: ['prinder'],
    },
    'family-and-visiting': {
      words: ['ymweld', 'ymwelwyr', 'ymwelydd', 'teulu', 'deulu', 'perthnasau', 'merch', 'mab', 'gwraig', 'gŵr', 'wyrion', 'oriau ymweld'],
      stems: ['teulu', 'nheulu'],
    },
    'laundry-and-belongings': {
      words: ['golchdy', 'dillad', 'ar goll', 'wedi colli', 'eiddo', 'sbectol', 'cymorth clyw', 'dannedd gosod', 'smwddio', 'cwpwrdd dillad'],
      stems: ['eiddo'],
    },
    'building-and-surroundings': {
      words: ['ystafell', 'stafell', 'ystafell wely', 'lolfa', 'adeilad', 'gwres', 'oer', 'poeth', 'lifft', 'grisiau', 'parcio', 'sŵn', 'swnllyd', 'golau', 'tywyll', 'ffenestr', 'dodrefn', 'atgyweirio', 'lleithder', 'tamp'],
      stems: ['atgyweir', 'adnewydd'],
    },
  },
};
