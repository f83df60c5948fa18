// English (en-GB) keyword rules for the default themes, written here by hand. Stems are kept long enough
// that a short word does not catch unrelated ones ("late" is a word, not a stem: "chocolate" must not match).
import type {ThemeRules} from './types.js';

export const EN_GB_RULES: ThemeRules = {
  locale: 'en-GB',
  machineWritten: false,
  themes: {
    'missed-or-late-visits': {
      words: ['late', 'later', 'missed', 'miss', 'misses', 'no show', 'no-show', 'never came', 'never turned up', "didn't turn up", 'did not turn up', "didn't come", 'did not come', 'on time', 'waited', 'wait', 'rushed', 'cut short', 'missed visit', 'missed visits', 'missed call', 'missed calls'],
      stems: ['lateness', 'punctual'],
    },
    'continuity-of-carers': {
      words: ['same carer', 'same carers', 'different carer', 'different carers', 'new carer', 'new carers', 'regular carer', 'regular carers', 'strangers', 'stranger', 'rota', 'rotas'],
      stems: ['continuity', 'familiar', 'consistenc', 'unfamiliar'],
    },
    'staff-attitude': {
      words: ['kind', 'kindly', 'kindness', 'caring', 'rude', 'rudely', 'rudeness', 'friendly', 'unfriendly', 'lovely', 'patient', 'impatient', 'attitude', 'smile', 'smiled', 'shouted', 'shouting', 'ignored', 'warm', 'cold manner', 'thank', 'thanks', 'thankyou', 'helpful', 'unhelpful'],
      stems: ['compassion', 'respectful', 'disrespect', 'polite', 'impolite', 'courteous', 'dismissive', 'patronis', 'condescend'],
    },
    communication: {
      words: ['told', 'tell', 'phone', 'phoned', 'rang', 'ring', 'call back', 'called back', 'email', 'emails', 'letter', 'letters', 'message', 'messages', 'update', 'updates', 'explain', 'explained', 'listen', 'listened', 'listening', 'no answer', 'nobody answered', 'language', 'interpreter'],
      stems: ['communicat', 'inform', 'misunderst'],
    },
    medicines: {
      words: ['tablet', 'tablets', 'pill', 'pills', 'dose', 'doses', 'mar chart', 'prescription', 'prescriptions', 'inhaler', 'insulin', 'cream', 'creams', 'pharmacy', 'chemist', 'dosette', 'blister pack'],
      stems: ['medic', 'medicine', 'prescri', 'paracetamol'],
    },
    'food-and-drink': {
      words: ['food', 'meal', 'meals', 'breakfast', 'lunch', 'dinner', 'tea', 'supper', 'drink', 'drinks', 'water', 'menu', 'hungry', 'thirsty', 'cold food', 'snack', 'snacks', 'diet', 'eat', 'eating', 'ate', 'cook', 'cooked', 'cooking'],
      stems: ['nutrition', 'hydrat', 'dehydrat', 'malnutri', 'sandwich', 'vegetarian', 'halal', 'kosher'],
    },
    'dignity-and-privacy': {
      words: ['dignity', 'privacy', 'private', 'embarrassed', 'embarrassing', 'humiliated', 'humiliating', 'door open', 'curtains', 'exposed', 'undignified'],
      stems: ['dignif', 'humiliat', 'confidential'],
    },
    'personal-care': {
      words: ['wash', 'washed', 'washing', 'bath', 'bathed', 'shower', 'showered', 'toilet', 'toileting', 'pad', 'pads', 'continence', 'incontinence', 'dressed', 'dressing', 'undressed', 'shave', 'shaved', 'teeth', 'hair', 'nails', 'soiled', 'wet'],
      stems: ['hygiene', 'incontin', 'continen', 'catheter'],
    },
    'choice-and-control': {
      words: ['choice', 'choices', 'choose', 'chose', 'decide', 'decided', 'decision', 'decisions', 'my way', 'say in', 'wishes', 'preference', 'preferences', 'routine', 'bedtime', 'care plan', 'consulted', 'asked me', 'not asked'],
      stems: ['independen', 'autonom', 'person-centred', 'personalis'],
    },
    'safety-and-safeguarding': {
      words: ['safe', 'unsafe', 'safety', 'danger', 'dangerous', 'risk', 'risky', 'harm', 'harmed', 'hurt', 'bruise', 'bruises', 'bruised', 'fall', 'fell', 'falls', 'fallen', 'injury', 'injured', 'neglect', 'neglected', 'abuse', 'abused', 'scared', 'frightened', 'afraid', 'locked', 'stolen', 'theft'],
      stems: ['safeguard', 'abusiv', 'neglig', 'threaten', 'intimidat'],
    },
    cleanliness: {
      words: ['clean', 'cleaned', 'cleaning', 'dirty', 'dirt', 'smell', 'smells', 'smelly', 'smelled', 'smelt', 'dust', 'dusty', 'stain', 'stains', 'stained', 'mess', 'messy', 'filthy', 'germs', 'gloves', 'apron', 'aprons'],
      stems: ['cleanli', 'unclean', 'hygien', 'infection'],
    },
    activities: {
      words: ['activity', 'activities', 'bored', 'boring', 'boredom', 'outing', 'outings', 'trip', 'trips', 'game', 'games', 'music', 'singing', 'garden', 'gardening', 'craft', 'crafts', 'quiz', 'walk', 'walks', 'lonely', 'loneliness', 'company', 'hobby', 'hobbies', 'church', 'mosque', 'chapel'],
      stems: ['entertain', 'stimulat', 'isolat', 'exercis'],
    },
    'money-and-fees': {
      words: ['money', 'fee', 'fees', 'cost', 'costs', 'charge', 'charged', 'charges', 'bill', 'bills', 'invoice', 'invoices', 'pay', 'paid', 'payment', 'payments', 'price', 'refund', 'refunded', 'expensive', 'overcharged', 'top-up', 'top up', 'direct payment', 'direct payments'],
      stems: ['financ', 'invoic', 'overcharg'],
    },
    equipment: {
      words: ['hoist', 'hoists', 'wheelchair', 'wheelchairs', 'walking frame', 'frame', 'zimmer', 'bed', 'beds', 'mattress', 'sling', 'slings', 'commode', 'call bell', 'alarm', 'pendant', 'rail', 'rails', 'stairlift', 'stand aid', 'broken', 'ramp'],
      stems: ['equipment', 'adaptation', 'cushion'],
    },
    'end-of-life-care': {
      words: ['end of life', 'dying', 'died', 'death', 'passed away', 'last days', 'palliative', 'hospice', 'bereaved', 'bereavement', 'funeral', 'final days', 'comfortable at the end'],
      stems: ['palliat', 'bereave', 'terminal'],
    },
    'health-and-wellbeing': {
      words: ['gp', 'doctor', 'doctors', 'nurse', 'nurses', 'hospital', 'pain', 'painful', 'ill', 'illness', 'unwell', 'sick', 'weight', 'pressure sore', 'pressure sores', 'sore', 'sores', 'dementia', 'mood', 'depressed', 'anxious', 'mental health', 'district nurse', 'wellbeing', 'well-being', 'health', 'healthy'],
      stems: ['physio', 'ambulance', 'diabet'],
    },
    'staffing-levels': {
      words: ['short staffed', 'short-staffed', 'understaffed', 'not enough staff', 'too few staff', 'agency staff', 'agency', 'staff shortage', 'staffing', 'overworked', 'busy', 'stretched', 'one carer'],
      stems: ['understaff', 'shortage'],
    },
    'family-and-visiting': {
      words: ['visit mum', 'visit dad', 'visiting', 'visitors', 'visitor', 'family', 'families', 'relatives', 'relative', 'daughter', 'son', 'wife', 'husband', 'grandchildren', 'next of kin', 'visiting hours'],
      stems: ['famil'],
    },
    'laundry-and-belongings': {
      words: ['laundry', 'clothes', 'clothing', 'lost', 'missing', 'belongings', 'glasses', 'hearing aid', 'hearing aids', 'dentures', 'ironing', 'ironed', 'labelled', 'jumper', 'cardigan', 'wardrobe'],
      stems: ['laundr', 'belonging', 'possession'],
    },
    'building-and-surroundings': {
      words: ['room', 'rooms', 'bedroom', 'lounge', 'building', 'heating', 'cold', 'hot', 'warm room', 'lift', 'stairs', 'parking', 'noise', 'noisy', 'lighting', 'dark', 'window', 'windows', 'decor', 'furniture', 'repairs', 'repair', 'leak', 'damp'],
      stems: ['refurbish', 'maintenan', 'decorat'],
    },
  },
};
