import type { CategoryRuleSet } from '../rule-engine';

/** Groups targeted for who they are, other than ethnicity and religion (those are SARA). */
const TARGETS = [
  'cacat', 'difabel', 'disabilitas', 'disabled', 'autis', 'odgj', 'orang gila', 'lgbt', 'homo', 'gay', 'lesbi', 'bencong', 'banci',
  'boti', 'pelangi', 'perempuan', 'wanita', 'women', 'cewek', 'janda*', 'miskin', 'pengungsi', 'refugee*', 'ojol', 'buruh', 'orang kampung',
  'udik', 'yatim', 'gendut', 'fat people', 'bertato', 'nenek', 'kakek', 'lonte*', 'people', 'pendukung',
];
const INSULTS = [
  'sampah', 'parasit', 'penyakit masyarakat', 'binatang', 'animals', 'subhuman', 'babi', 'pigs', 'anjing', 'bangsat', 'idiot', 'otak udang',
  'menjijikkan', 'jijik', 'disgusting', 'tidak berguna', 'nggak berguna', 'gak berguna', 'beban negara', 'bukan manusia', 'aib bangsa',
  'murahan', 'kasta rendahan', 'rendahan', 'budak', 'bodoh', 'bibit kriminal', 'trash', 'kotor', 'bau', 'norak', 'pikun', 'jelek',
  'tidak tahu diri', 'pemalas', 'malas',
];
const INFERIORITY = [
  'inferior', 'should never be allowed', 'tempatnya di dapur', 'otaknya setengah', 'nggak pantes', 'nggak pantas', 'tidak pantas',
  'nggak usah hidup', 'waste of oxygen', "don't deserve", 'dont deserve', 'nobody wants',
];
const HARM = ['dibasmi', 'basmi', 'dipukuli', 'dikubur hidup*', 'mati aja', 'dibuang', 'dipasung', 'pantas kelaparan', 'dilecehkan', 'usir', 'diusir', 'musnahkan', 'harus mati'];

export const hateSpeechRules: CategoryRuleSet = {
  category: 'hate_speech',
  rules: [
    { id: 'hate.dehumanising_group', weight: 1.6, all: [TARGETS, INSULTS] },
    { id: 'hate.harm_to_group', weight: 1.2, all: [TARGETS, HARM] },
    { id: 'hate.insult', weight: 0.5, any: INSULTS },
    { id: 'hate.group_inferiority', weight: 1.2, all: [TARGETS, INFERIORITY] },
    { id: 'hate.inferiority', weight: 0.7, any: INFERIORITY },
  ],
};
