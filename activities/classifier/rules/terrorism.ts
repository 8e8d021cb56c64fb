import type { CategoryRuleSet } from '../rule-engine';

/** Always urgent. Jihadist vocabulary plus violence or glorification; religious teaching alone is not. */
export const terrorismRules: CategoryRuleSet = {
  category: 'terrorism',
  rules: [
    {
      id: 'terror.jihadist_vocabulary',
      weight: 1.1,
      any: ['thaghut', 'taghut', 'ansharut', 'amaliyah', 'istisyhad*', 'daulah', 'khilafah', 'baiat', 'amirul mukminin', 'mujahid*', 'i dad', 'idad', 'qital', 'syuhada', 'kafir harbi', 'dabiq', 'rumiyah', 'isis', 'jad', 'lone wolf', 'lone wolves', 'caliphate', 'crusaders', 'apostate', 'martyrdom', 'infidels', 'bumi syam'],
    },
    {
      id: 'terror.violence',
      weight: 0.5,
      any: ['bom', 'meledakkan', 'serang', 'serangan', 'penggal', 'dipenggal', 'bunuh diri', 'strike', 'attack', 'merakit senjata', 'targetkan', 'perangi', 'halal darahnya', 'pedang'],
    },
    { id: 'terror.armed_jihad', weight: 0.6, all: [['thaghut', 'taghut', 'mujahid*', 'daulah', 'khilafah', 'jihad', 'ikhwan', 'caliphate', 'infidels'], ['bom', 'meledakkan', 'serang', 'serangan', 'penggal', 'dipenggal', 'strike', 'pedang', 'senjata']] },
    { id: 'terror.glorification', weight: 0.5, any: ['jalan pintas ke surga', 'syahid', 'amaliyah mulia', 'highest form of worship', 'semangat ikhwan', 'singa tauhid', 'takbir', 'jihad', 'ikhwan'] },
    { id: 'terror.martyrdom_claim', weight: 0.8, all: [['bom', 'bunuh diri'], ['syahid', 'jihad', 'surga', 'sah']] },
  ],
};
