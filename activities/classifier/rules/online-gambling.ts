import type { CategoryRuleSet } from '../rule-engine';

export const onlineGamblingRules: CategoryRuleSet = {
  category: 'online_gambling',
  rules: [
    {
      id: 'gambling.slot_gacor',
      weight: 1.5,
      any: ['slot gacor', 'gacor hari ini', 'pola gacor', 'situs gacor', 'akun gacor', 'gacor parah', 'slot online', 'judi slot'],
      joined: ['slotgacor'],
    },
    { id: 'gambling.maxwin', weight: 1.2, any: ['maxwin', 'max win', 'auto jepe', 'anti rungkad', 'rungkad', 'pecah x*'], joined: ['maxwin'] },
    {
      id: 'gambling.togel',
      weight: 1.2,
      any: ['togel', 'toto 4d', 'situs toto', 'pasaran hk', 'pasaran sgp', 'hk sgp', 'sgp sdy', 'prediksi togel', 'prediksi sgp', 'prediksi hk', 'prediksi sydney', 'prediksi singapore', 'colok bebas', 'colok jitu', 'bbfs', 'angka main', 'angka jitu', 'bb campuran'],
      joined: ['togel'],
    },
    { id: 'gambling.togel_digits', weight: 0.4, pattern: /\b[234]d\b/ },
    {
      id: 'gambling.site_or_agent',
      weight: 0.9,
      any: ['situs judi', 'agen judi', 'bandar judi', 'bandar togel', 'bandar bola', 'bandar resmi', 'bandar slot', 'judi online', 'judi bola', 'judol', 'situs slot', 'agen slot', 'agen resmi', 'casino online', 'online casino', 'kasino online', 'live casino', 'casino live', 'sportsbook', 'sbobet', 'poker online', 'idn poker', 'slot88'],
      joined: ['judol', 'slot88', 'sbobet'],
    },
    {
      id: 'gambling.game_titles',
      weight: 0.7,
      any: ['mahjong ways', 'gates of olympus', 'sweet bonanza', 'pragmatic play', 'pg soft', 'starlight princess', 'zeus', 'tembak ikan', 'sicbo', 'baccarat', 'roulette', 'sabung ayam online', 's128', 'sv388', 'dadu online', 'casino'],
    },
    { id: 'gambling.rtp', weight: 0.8, any: ['rtp'] },
    { id: 'gambling.scatter', weight: 0.5, any: ['scatter'] },
    { id: 'gambling.scatter_falling', weight: 0.6, any: ['scatter hitam', 'scatter turun'] },
    { id: 'gambling.spins', weight: 0.8, any: ['free spin*', 'freespin*', 'buy spin', 'spin manual', 'spin turbo', 'turbo spin', 'sebelum spin'] },
    {
      id: 'gambling.bonus_terms',
      weight: 0.7,
      any: ['bonus new member', 'bonus member baru', 'welcome bonus', 'bonus deposit', 'bonus harian', 'rollingan', 'cashback kekalahan', 'freebet', 'free bet', 'bonus referral', 'no deposit', 'syarat to', 'turnover'],
    },
    {
      id: 'gambling.deposit_withdraw',
      weight: 0.5,
      any: ['depo', 'deposit', 'wd', 'withdraw', 'withdrawal', 'wede', 'dibayar lunas', 'pasti dibayar', 'min depo', 'minimal depo', 'depo pulsa', 'deposit pulsa', 'depo dana', 'depo via qris'],
    },
    { id: 'gambling.anti_block', weight: 1.0, any: ['link alternatif', 'anti blokir', 'anti nawala', 'nawala', 'login alternatif'] },
    { id: 'gambling.gacor', weight: 0.7, any: ['gacor'] },
    {
      id: 'gambling.bettor_slang',
      weight: 0.5,
      any: ['bosku', 'cuan', 'boncos', 'jam hoki', 'pola jitu', 'winrate', 'akun pro', 'server luar', 'server kamboja', 'spin', 'modal receh', 'main di situs', 'main di sini'],
    },
    { id: 'gambling.payout_boast', weight: 0.5, pattern: /\b(wd|withdraw|modal|depo)\s*[\d.,]+\s*(rb|ribu|juta|jt|k)\b/ },
    { id: 'gambling.call_to_action', weight: 0.4, any: ['link di bio', 'ada di bio', 'situsnya', 'daftar sekarang', 'gabung sekarang', 'ketik daftar', 'klaim sekarang'] },
    { id: 'gambling.betting', weight: 0.7, any: ['taruhan', 'parlay', 'mix parlay', 'handicap', 'odds', 'over under', 'betting'] },
    { id: 'gambling.jackpot', weight: 0.3, any: ['jackpot', 'jp', 'jepe'] },
    { id: 'gambling.slot', weight: 0.4, any: ['slot', 'slots'] },
    // "Gacor" began as bird-keepers' slang for a songbird in full voice; "scatter" is also a chart type.
    { id: 'gambling.songbird_context', weight: -0.8, any: ['murai', 'burung', 'kicau', 'kenari', 'lovebird'] },
    { id: 'gambling.chart_context', weight: -0.6, any: ['plot', 'chart', 'grafik', 'excel', 'diagram'] },
  ],
};
