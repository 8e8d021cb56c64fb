import type { RuleSpec } from '../rule-engine';

/**
 * Words of people who talk *about* harmful content: news of arrests and blocking, fact checks, public
 * education. When one fires every category's score is damped, so "police arrest gambling promoters"
 * does not read as a gambling ad. A real ad that borrows these words can still score high enough.
 */
export const REPORTING_CONTEXT: RuleSpec = {
  id: 'context.reporting_or_education',
  weight: 0,
  any: [
    'polres', 'polda', 'polsek', 'kapolda', 'kapolres', 'humas polda', 'densus', 'bnpt', 'bnn', 'kpk', 'komdigi', 'kominfo', 'satgas',
    'ditressiber', 'bksda', 'kpai', 'komnas ham', 'menangkap', 'ditangkap', 'tersangka', 'terduga', 'diamankan', 'mengamankan',
    'barang bukti', 'menyita', 'memusnahkan', 'memblokir', 'pemblokiran', 'memutus akses', 'pengadilan', 'menyidangkan', 'putusan',
    'dijerat', 'jeratan', 'uu ite', 'konferensi pers', 'pernyataan pers', 'narapidana', 'survei', 'researchers', 'report says', 'police',
    'arrested', 'fact check', 'cek fakta', 'faktanya', 'klarifikasi', 'hoaks', 'waspada', 'jangan tergiur', 'jangan pernah',
    'tidak pernah meminta', 'stopjudol', 'laporkan', 'melaporkan', 'mengimbau', 'imbau', 'mengajak', 'edukasi', 'literasi', 'kampanye',
    'seminar', 'webinar', 'parenting', 'tips', 'how to spot', 'penyintas', 'pemulihan', 'haram', 'lindungi', 'pendampingan',
    'tidak dipungut biaya', 'modus',
  ],
};

/** How much a reporting context keeps of each score. */
export const REPORTING_DAMPING = 0.25;
